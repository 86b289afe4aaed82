from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/data/", views.download_data, name="data-download"),
    path("account/delete/", views.delete, name="delete"),
    path("account/invitation/<str:token>/", views.accept_invitation, name="invitation"),
]
