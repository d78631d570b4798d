"""One demo user per role that exists so far. Only made when settings.DEBUG is on.

The passwords are published in this file on purpose: they are for a developer's own machine.
"""

from dataclasses import dataclass

from programmes.roles import LA_OFFICERS, MODERATORS

ADMIN_URL = "http://127.0.0.1:8000/admin/"


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    role: str
    group_name: str = ""
    is_superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.username}@example.org"


DEMO_USERS = (
    DemoUser(
        username="admin",
        password="admin-portal-demo",  # noqa: S106 - development only
        first_name="Alex",
        last_name="Admin",
        role="superuser: can do everything",
        is_superuser=True,
    ),
    DemoUser(
        username="officer",
        password="officer-portal-demo",  # noqa: S106 - development only
        first_name="Olu",
        last_name="Officer",
        role="LA officer for Bedford: drafts programme pages, manages the talent pool and SIP assignments",
        group_name=LA_OFFICERS,
    ),
    DemoUser(
        username="moderator",
        password="moderator-portal-demo",  # noqa: S106 - development only
        first_name="Morgan",
        last_name="Moderator",
        role="moderator: approves and publishes programme pages",
        group_name=MODERATORS,
    ),
)
