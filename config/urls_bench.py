"""The site's URLs plus the benchmark's one-line baseline view."""

from django.http import HttpResponse
from django.urls import path

from .urls import urlpatterns as site_urlpatterns

urlpatterns = [path("__bench__/ok/", lambda request: HttpResponse("ok"))] + site_urlpatterns
