from django.urls import path

from . import calendar, downloads, views

app_name = "forum"

urlpatterns = [
    path("forums/", views.index, name="index"),
    path("forums/calendar.ics", calendar.calendar_all, name="calendar"),
    path("forums/decisions.csv", downloads.decisions_csv, name="decisions_csv"),
    path("forums/decisions.json", downloads.decisions_json, name="decisions_json"),
    path("forums/<int:forum>/calendar.ics", calendar.calendar_forum, name="forum_calendar"),
    path("forums/<int:forum>/", views.forum_detail, name="detail"),
    path("forums/<int:forum>/meetings/<int:meeting>/", views.meeting_detail, name="meeting"),
]
