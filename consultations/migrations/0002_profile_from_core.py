# Policy profiles are now data in core (W-1): the consultation names its profile by slug.

from django.db import migrations, models

RENAMED = {"default": "kaohsiung", "t10": "taichung"}
# T-7 has its own ground 3 (racial discrimination, personal attacks) and ground 4 (liability
# or a case pending in court): comments hidden under the Taichung profile get those codes.
T7_GROUNDS = {"discrimination": "racial_discrimination", "liability": "liability_or_pending_case"}


def forwards(apps, schema_editor):
    Consultation = apps.get_model("consultations", "Consultation")
    Comment = apps.get_model("consultations", "Comment")
    for old, new in RENAMED.items():
        Consultation.objects.filter(profile=old).update(profile=new)
    for old, new in T7_GROUNDS.items():
        Comment.objects.filter(consultation__profile="taichung", hidden_ground=old).update(hidden_ground=new)


def backwards(apps, schema_editor):
    Consultation = apps.get_model("consultations", "Consultation")
    for old, new in RENAMED.items():
        Consultation.objects.filter(profile=new).update(profile=old)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("core", "0003_policy_profiles"),
    ]

    operations = [
        migrations.AlterField(
            model_name="consultation",
            name="profile",
            field=models.CharField(default="kaohsiung", max_length=40, verbose_name="policy profile"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
