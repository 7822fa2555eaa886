from django.urls import path

from . import views

app_name = "commitments"

urlpatterns = [
    path("plans/", views.current_plan, name="current"),
    path("plans/<slug:plan>/", views.plan_detail, name="plan"),
    path("plans/<slug:plan>/commitments/<int:number>/", views.commitment_detail, name="detail"),
]
