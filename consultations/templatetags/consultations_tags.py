"""``{% consultations_for commitment as items %}`` (a commitment's consultations, one query) and
``{% new_token %}`` (a fresh submission token)."""

import uuid

from django import template

from consultations.public import for_commitment

register = template.Library()


@register.simple_tag
def consultations_for(commitment):
    return for_commitment(commitment) if commitment is not None else []


@register.simple_tag
def new_token() -> str:
    """A fresh submission token for a form (a double click or retry then posts it once)."""
    return str(uuid.uuid4())
