"""``{% consultations_for commitment as items %}``: a commitment's consultations (one query)."""

from django import template

from consultations.public import for_commitment

register = template.Library()


@register.simple_tag
def consultations_for(commitment):
    return for_commitment(commitment) if commitment is not None else []
