from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("forums/", views.index, name="index"),
]
