from django.urls import path

from . import survey_views, views, vote_views

app_name = "budgeting"

urlpatterns = [
    path("budgeting/", views.index, name="index"),
    path("budgeting/captcha.png", vote_views.captcha_image, name="captcha"),
    path("budgeting/<int:pk>/", views.process, name="process"),
    path("budgeting/<int:pk>/projects/<int:project_pk>/", views.project, name="project"),
    path("budgeting/<int:pk>/propose/", views.propose, name="propose"),
    path("budgeting/<int:pk>/vote/", vote_views.consent, name="vote"),
    path("budgeting/<int:pk>/vote/identity/", vote_views.identity, name="vote_identity"),
    path("budgeting/<int:pk>/vote/ballot/", vote_views.ballot, name="vote_ballot"),
    path("budgeting/<int:pk>/vote/declare/", vote_views.declare, name="declare"),
    path("budgeting/<int:pk>/results/", views.results, name="results"),
    path("budgeting/<int:pk>/results.pb", views.results_pb, name="results_pb"),
    path("budgeting/surveys/<int:pk>/", survey_views.survey, name="survey"),
]
