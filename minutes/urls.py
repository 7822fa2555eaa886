from django.urls import path

from . import feeds, views

app_name = "minutes"

urlpatterns = [
    path("minutes/", views.index, name="index"),
    path("minutes/feed/", feeds.LatestMinutesFeed(), name="feed"),
    path("minutes/search/", views.search_view, name="search"),
    path("minutes/forums/<int:forum_id>/", views.forum_minutes, name="forum"),
    path("minutes/<int:pk>/", views.detail, name="detail"),
    path("minutes/<int:pk>/versions/<int:revision_id>/", views.revision, name="revision"),
    path("minutes/<int:pk>/pdf/<str:kind>/", views.download, name="pdf"),
]
