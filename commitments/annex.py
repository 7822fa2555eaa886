"""Row headings of the Annex 2 commitment table (F-A2), shared by pages, PDF and ODT."""

from django.utils.translation import gettext_lazy as _

ANNEX_LABELS = {
    "name": _("Commitment name and number"),
    "period": _("Period of the commitment"),
    "agencies": _("Lead and co-agencies"),
    "description_heading": _("Description of the commitment"),
    "problem": _("What public problem will the commitment address?"),
    "description": _("What is the commitment?"),
    "contribution": _("How will the commitment contribute to solving the public problem?"),
    "ogp_values": _("Why is this commitment relevant to the OGP values (transparency, participation, accountability)?"),
    "other": _("Other information"),
    "budget": _("Budget"),
    "links": _("Links to other plans and strategies"),
    "sdgs": _("Sustainable Development Goals"),
    "indicators": _("Quantifiable or verifiable indicators"),
    "starts_on": _("Start date"),
    "ends_on": _("End date"),
    "participants": _("Other participants"),
    "government": _("Government agencies"),
    "non_government": _("Civil society, private sector, working teams"),
    "coverage": _("Indicators per plan year"),
}
