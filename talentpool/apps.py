from django.apps import AppConfig


class TalentpoolConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "talentpool"
    verbose_name = "Talent pool"
