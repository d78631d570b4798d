"""Django form fields are drawn with the right GOV.UK component."""

import pytest
from django import forms

from home.templatetags.govuk_forms import govuk_error_target, govuk_widget

CHOICES = [("a", "A"), ("b", "B")]


class ExampleForm(forms.Form):
    name = forms.CharField()
    about = forms.CharField(widget=forms.Textarea)
    colour = forms.ChoiceField(choices=CHOICES)
    size = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)
    toppings = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField()
    secret = forms.CharField(widget=forms.PasswordInput)


@pytest.mark.parametrize(
    ("field", "component"),
    [
        ("name", "input"),
        ("about", "textarea"),
        ("colour", "select"),
        ("size", "radios"),
        ("toppings", "checkboxes"),
        ("agree", "checkbox"),
        ("secret", "password"),
    ],
)
def test_each_field_gets_its_component(field, component):
    assert govuk_widget(ExampleForm()[field]) == component


def test_error_summary_links_to_the_first_option_of_a_group():
    form = ExampleForm()

    assert govuk_error_target(form["toppings"]) == "id_toppings_0"
    assert govuk_error_target(form["name"]) == "id_name"
