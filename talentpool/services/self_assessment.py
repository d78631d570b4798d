"""Saving the whole leadership qualities self-assessment at once.

Everything is checked before anything is written, and the writes share one transaction, so a
page with one bad answer saves nothing. Only ratings that changed are written, so each quality's
"last updated" date says when the aspirant last changed that quality.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import AspirantProfile, LeadershipQuality, QualityRating
from . import quality_rating_save


def self_assessment_save(
    *, profile: AspirantProfile, answers: dict[LeadershipQuality, tuple[int, str]]
) -> list[QualityRating]:
    """Save ``answers`` (quality -> (rating, evidence)); qualities left out are left as they are.

    Raises ValidationError keyed by quality slug (each value a list of messages) if any answer is
    invalid; nothing is saved then. Returns the ratings written.
    """
    existing = {rating.quality_id: rating for rating in QualityRating.objects.filter(profile=profile)}
    errors: dict[str, list] = {}
    to_save = []
    for quality, (rating, evidence) in answers.items():
        current = existing.get(quality.pk)
        if current is not None and (current.rating, current.evidence) == (rating, evidence):
            continue
        candidate = QualityRating(profile=profile, quality=quality, rating=rating, evidence=evidence)
        try:
            candidate.full_clean(exclude=["profile", "quality"], validate_unique=False)
        except ValidationError as error:
            errors[quality.slug] = error.messages
            continue
        to_save.append((quality, rating, evidence))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return [
            quality_rating_save(profile=profile, quality=quality, rating=rating, evidence=evidence)
            for quality, rating, evidence in to_save
        ]
