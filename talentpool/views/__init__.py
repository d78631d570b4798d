from . import (
    career_steps,
    dashboard,
    follow_up,
    interest,
    my_data,
    profile,
    review,
    review_export,
    self_assessment,
)

__all__ = [
    "career_steps",
    "dashboard",
    "follow_up",
    "interest",
    "my_data",
    "profile",
    "review",
    "review_export",
    "self_assessment",
]
