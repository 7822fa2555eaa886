from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/profile/data.json", views.data, name="data"),
    path("accounts/profile/delete/", views.delete, name="delete"),
]
