from django.urls import path

from . import follow_views, views

app_name = "commitments"

urlpatterns = [
    path("plans/", views.current_plan, name="current"),
    path("plans/<slug:plan>/", views.plan_detail, name="plan"),
    path("plans/<slug:plan>/dashboard/", views.plan_dashboard, name="dashboard"),
    path("plans/<slug:plan>/compiled/", views.compiled_latest, name="compiled_latest"),
    path("plans/<slug:plan>/compiled/<int:version>/", views.compiled_detail, name="compiled"),
    path("plans/<slug:plan>/compiled/<int:version>/<str:fmt>/", views.compiled_download, name="download"),
    path("plans/<slug:plan>/commitments/<int:number>/", views.commitment_detail, name="detail"),
    path("plans/<slug:plan>/commitments/<int:number>/follow/", follow_views.follow, name="follow"),
]
