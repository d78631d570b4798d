"""Production: refuses to start without its secrets; serves hashed, compressed static files."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASE_URL, EMAIL_HOST, SECRET_KEY, STORAGES
from .base import SITE_BASE_URL_FROM_ENVIRONMENT as SITE_BASE_URL

_required = (
    ("DJANGO_SECRET_KEY", SECRET_KEY),
    ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),
    ("DATABASE_URL", DATABASE_URL),
    ("SITE_BASE_URL", SITE_BASE_URL),
)
_missing = [name for name, value in _required if not value]
if _missing:
    raise ImproperlyConfigured(
        "Set the environment variable(s) "
        + " and ".join(_missing)
        + " before starting the portal in production (see README.md)."
    )

DEBUG = False

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "portal.storage.PortalStaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
