"""Template helpers for the header's account links."""

from django import template

from ..permissions import user_can_review_talent_pool, user_can_use_pathway

register = template.Library()


@register.filter
def can_use_pathway(user) -> bool:
    """Whether the header offers "My leadership pathway" (aspirant leaders only)."""
    return user.is_authenticated and user_can_use_pathway(user)


@register.filter
def can_review_talent_pool(user) -> bool:
    """Whether the header offers "Talent pool" (SIPs and LA officers who review, and superusers)."""
    return user.is_authenticated and user_can_review_talent_pool(user)
