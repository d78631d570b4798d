import pytest
from django.core.exceptions import ValidationError

from programmes.factories import ProgrammePageFactory
from programmes.models import RelatedProgramme


def test_a_programme_cannot_be_related_to_itself(site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"])
    link = RelatedProgramme(page=programme, programme=programme)

    with pytest.raises(ValidationError, match="cannot be related to itself"):
        link.full_clean()


def test_a_programme_can_be_related_to_another(site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"])
    other = ProgrammePageFactory(parent=site_tree["programme_index"])

    RelatedProgramme(page=programme, programme=other).full_clean()
