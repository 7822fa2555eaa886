from django.urls import path

from . import feeds, views

app_name = "proposals"

urlpatterns = [
    path("proposals/", views.index, name="index"),
    path("proposals/new/", views.propose, name="propose"),
    path("proposals/similar.json", views.similar_json, name="similar"),
    path("proposals/board/", views.board, name="board"),
    path("proposals/feed/", feeds.ProposalFeed(), name="feed"),
    path("proposals/<int:pk>/", views.detail, name="detail"),
    path("proposals/<int:pk>/second/", views.second, name="second"),
    path("proposals/<int:pk>/second/confirm/", views.second_confirm, name="second_confirm"),
    path("proposals/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
