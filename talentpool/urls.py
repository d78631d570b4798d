from django.urls import path

from . import views

app_name = "talentpool"

urlpatterns = [
    path("", views.dashboard.dashboard, name="dashboard"),
]
