"""The leadership qualities self-assessment: a rating and evidence for each quality, on one page.

One form with two fields per quality, named after the quality's slug (``rating-passion-and-drive``
and ``evidence-passion-and-drive``). ``form.rows`` gives the template what it needs, quality by
quality. A quality left unrated is allowed and not saved; evidence without a rating is refused,
so nothing typed is silently dropped.
"""

from django import forms
from django.utils.translation import gettext as _

from ..models import AspirantProfile, LeadershipQuality, QualityRating
from ..selectors import self_assessment_for

EVIDENCE_MAX_LENGTH = QualityRating._meta.get_field("evidence").max_length


class SelfAssessmentForm(forms.Form):
    def __init__(
        self, *args, qualities: list[LeadershipQuality], ratings: dict[int, QualityRating], **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.qualities = qualities
        self.ratings = ratings
        for quality in qualities:
            saved = ratings.get(quality.pk)
            self.fields[f"rating-{quality.slug}"] = forms.TypedChoiceField(
                label=_("Your rating for %(quality)s") % {"quality": quality.name},
                choices=QualityRating.RATING_CHOICES,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                initial=saved.rating if saved else None,
                error_messages={
                    "invalid_choice": _("Choose a rating from 1 to 5 for %(quality)s")
                    % {"quality": quality.name}
                },
            )
            self.fields[f"evidence-{quality.slug}"] = forms.CharField(
                label=_("Evidence for %(quality)s (optional)") % {"quality": quality.name},
                help_text=_("What you have done that shows this. Up to 2,000 characters."),
                required=False,
                max_length=EVIDENCE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=saved.evidence if saved else "",
                error_messages={
                    "max_length": _(
                        "Evidence for %(quality)s must be 2,000 characters or fewer. "
                        "You have entered %%(show_value)d characters."
                    )
                    % {"quality": quality.name}
                },
            )

    @classmethod
    def for_profile(cls, profile: AspirantProfile | None, data=None) -> "SelfAssessmentForm":
        """The form for ``profile``'s ratings (none yet if ``profile`` is None), in two queries."""
        return cls(data, **self_assessment_for(profile=profile))

    def clean(self):
        cleaned = super().clean()
        for quality in self.qualities:
            rating_name, evidence_name = f"rating-{quality.slug}", f"evidence-{quality.slug}"
            if (
                cleaned.get(evidence_name)
                and cleaned.get(rating_name) in (None, "")
                and rating_name not in self.errors
            ):
                self.add_error(
                    rating_name,
                    _("Choose a rating for %(quality)s to save your evidence, or delete the evidence")
                    % {"quality": quality.name},
                )
        return cleaned

    def answers(self) -> dict[LeadershipQuality, tuple[int, str]]:
        """The rated qualities, as ``self_assessment_save`` takes them."""
        answers = {}
        for quality in self.qualities:
            rating = self.cleaned_data.get(f"rating-{quality.slug}")
            if rating not in (None, ""):
                answers[quality] = (rating, self.cleaned_data.get(f"evidence-{quality.slug}", ""))
        return answers

    def add_service_errors(self, error) -> None:
        """Errors from ``self_assessment_save``, keyed by quality slug, go next to the evidence."""
        for slug, messages in error.message_dict.items():
            self.add_error(f"evidence-{slug}", messages)

    @property
    def rows(self) -> list[dict]:
        """Per quality: the quality, its two bound fields and its saved rating (or None)."""
        return [
            {
                "quality": quality,
                "rating": self[f"rating-{quality.slug}"],
                "evidence": self[f"evidence-{quality.slug}"],
                "saved": self.ratings.get(quality.pk),
            }
            for quality in self.qualities
        ]

    @property
    def last_updated(self):
        """When any of the ratings last changed, or None."""
        dates = [rating.updated_at for rating in self.ratings.values()]
        return max(dates) if dates else None


__all__ = ["SelfAssessmentForm"]
