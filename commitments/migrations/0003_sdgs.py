"""The 17 Sustainable Development Goals, in both languages (names as the UN and Taiwan use them)."""

from django.db import migrations

SDGS = [
    (1, "消除貧窮", "No poverty"),
    (2, "消除飢餓", "Zero hunger"),
    (3, "健康與福祉", "Good health and well-being"),
    (4, "優質教育", "Quality education"),
    (5, "性別平權", "Gender equality"),
    (6, "淨水及衛生", "Clean water and sanitation"),
    (7, "可負擔的潔淨能源", "Affordable and clean energy"),
    (8, "合適的工作及經濟成長", "Decent work and economic growth"),
    (9, "工業化、創新及基礎建設", "Industry, innovation and infrastructure"),
    (10, "減少不平等", "Reduced inequalities"),
    (11, "永續城鄉", "Sustainable cities and communities"),
    (12, "責任消費及生產", "Responsible consumption and production"),
    (13, "氣候行動", "Climate action"),
    (14, "保育海洋生態", "Life below water"),
    (15, "保育陸域生態", "Life on land"),
    (16, "和平、正義及健全制度", "Peace, justice and strong institutions"),
    (17, "多元夥伴關係", "Partnerships for the goals"),
]


def load(apps, schema_editor):
    Goal = apps.get_model("commitments", "SustainableDevelopmentGoal")
    for number, zh, en in SDGS:
        Goal.objects.update_or_create(number=number, defaults={"name": zh, "name_zh_hant": zh, "name_en": en})


class Migration(migrations.Migration):
    dependencies = [("commitments", "0002_commitment_tables")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
