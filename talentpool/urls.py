from django.urls import path

from . import views

app_name = "talentpool"

urlpatterns = [
    path("", views.dashboard.dashboard, name="dashboard"),
    path("steps/add/", views.career_steps.career_step_add, name="career_step_add"),
    path("steps/<int:pk>/", views.career_steps.career_step_edit, name="career_step_edit"),
    path("steps/<int:pk>/status/", views.career_steps.career_step_status, name="career_step_status"),
    path("self-assessment/", views.self_assessment.self_assessment, name="self_assessment"),
    path("profile/", views.profile.profile_edit, name="profile_edit"),
    path("interest/<int:page_id>/", views.interest.register_interest, name="register_interest"),
    path("my-data/", views.my_data.export_my_data, name="export_my_data"),
    path("delete-account/", views.my_data.delete_account, name="delete_account"),
    path("account-deleted/", views.my_data.account_deleted, name="account_deleted"),
    # SIPs and LA officers
    path("review/", views.review.review_list, name="review_list"),
    path("review/due/", views.review.due_follow_ups, name="due_follow_ups"),
    path("review/export/<slug:file_format>/", views.review_export.review_export, name="review_export"),
    path("review/<int:profile_id>/", views.review.review_detail, name="review_detail"),
    path("review/<int:profile_id>/follow-up/", views.follow_up.follow_up_add, name="follow_up_add"),
]
