from django.urls import path

from . import views

app_name = "consultations"

urlpatterns = [
    path("consultations/", views.index, name="index"),
    path("consultations/overdue/", views.overdue, name="overdue"),
    path("consultations/suggest/", views.suggest, name="suggest"),
    path("consultations/suggestions/", views.my_suggestions, name="my_suggestions"),
    path("consultations/<int:pk>/", views.detail, name="detail"),
    path("consultations/<int:pk>/comment/", views.comment, name="comment"),
]
