"""Every public page and API list of the demo site (beside the data-heavy ones of other scenarios)."""

from __future__ import annotations


def pages() -> list[tuple[str, str]]:
    from forum.models import Forum, Meeting
    from minutes.models import Minutes

    forum = Forum.objects.order_by("pk").first()
    meeting = Meeting.objects.order_by("pk").first()
    minutes = Minutes.objects.filter(live=True).order_by("pk").first()
    found = [
        ("home (zh)", "/"),
        ("home (en)", "/en/"),
        ("plan", "/plans/2020-2024/"),
        ("commitment page (en)", "/en/plans/2020-2024/commitments/4/"),
        ("plan dashboard", "/plans/2020-2024/dashboard/"),
        ("forums", "/forums/"),
        ("minutes list", "/minutes/"),
        ("minutes search", "/minutes/search/?q=%E6%9C%83%E8%AD%B0"),
        ("minutes feed", "/minutes/feed/"),
        ("consultations overdue", "/consultations/overdue/"),
        ("API commitments", "/api/v1/commitments/"),
        ("API action plans", "/api/v1/action-plans/"),
        ("API forums", "/api/v1/forums/"),
        ("API minutes", "/api/v1/minutes/"),
    ]
    if forum:
        found.append(("forum page", f"/forums/{forum.pk}/"))
    if meeting:
        found.append(("meeting page", f"/forums/{meeting.forum_id}/meetings/{meeting.pk}/"))
    if minutes:
        found.append(("minutes page", f"/minutes/{minutes.pk}/"))
    return found
