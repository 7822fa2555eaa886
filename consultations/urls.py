from django.urls import path

from . import downloads, engagement_views, feeds, views

app_name = "consultations"

urlpatterns = [
    path("consultations/", views.index, name="index"),
    path("consultations/overdue/", views.overdue, name="overdue"),
    path("consultations/feed/", feeds.LatestConsultationsFeed(), name="feed"),
    path("consultations/comments.csv", downloads.comments_csv, name="comments_csv"),
    path("consultations/comments.json", downloads.comments_json, name="comments_json"),
    path("consultations/suggest/", views.suggest, name="suggest"),
    path("consultations/suggestions/", views.my_suggestions, name="my_suggestions"),
    path("consultations/<int:pk>/", views.detail, name="detail"),
    path("consultations/<int:pk>/comment/", views.comment, name="comment"),
    path("consultations/<int:pk>/follow/", engagement_views.follow, name="follow"),
    path("consultations/comments/<int:pk>/edit/", engagement_views.edit, name="comment_edit"),
    path("consultations/comments/<int:pk>/withdraw/", engagement_views.withdraw, name="comment_withdraw"),
    path("consultations/comments/<int:pk>/report/", engagement_views.report, name="comment_report"),
]
