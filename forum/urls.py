from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("forums/", views.index, name="index"),
    path("forums/<int:forum>/", views.forum_detail, name="detail"),
    path("forums/<int:forum>/meetings/<int:meeting>/", views.meeting_detail, name="meeting"),
]
