from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("consultations/", views.index, name="index"),
]
