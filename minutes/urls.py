from django.urls import path

from . import views

app_name = "minutes"

urlpatterns = [
    path("minutes/", views.index, name="index"),
]
