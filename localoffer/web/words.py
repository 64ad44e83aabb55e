"""The portal's fixed vocabulary in plain, translatable words: themes, kinds and statuses."""

from __future__ import annotations

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

THEME_TITLES: dict[str, LazyString] = {
    "health": _l("Health and wellbeing"),
    "housing": _l("Housing"),
    "education-employment-training": _l("Education, training and work"),
    "finances": _l("Money"),
    "relationships": _l("Relationships and support"),
    "participation": _l("Having your say"),
}

THEME_DESCRIPTIONS: dict[str, LazyString] = {
    "health": _l("Your health, your mind and how to get help when you need it."),
    "housing": _l("Somewhere safe to live, and help to keep your home."),
    "education-employment-training": _l("College, university, apprenticeships and jobs."),
    "finances": _l("Grants, bursaries, benefits and help with bills."),
    "relationships": _l("Your personal adviser, your plan, and the people who support you."),
    "participation": _l("Your rights, your records, and how to speak up or complain."),
}

KIND_LABELS: dict[str, LazyString] = {
    "statutory": _l("The law says"),
    "national": _l("National scheme"),
    # Filled with the council's name where it is shown.
    "council": _l("Extra from %(council)s"),
}

KIND_HEADINGS: dict[str, LazyString] = {
    "statutory": _l("What the law says you can get"),
    "national": _l("National schemes"),
    "council": _l("Extra support from %(council)s"),
}

KIND_TAG_CLASSES: dict[str, str] = {
    "statutory": "govuk-tag",
    "national": "govuk-tag govuk-tag--teal",
    "council": "govuk-tag govuk-tag--purple",
}

STATUS_NAMES: dict[str, LazyString] = {
    "looked_after": _l("In care"),
    "eligible": _l("Eligible child"),
    "relevant": _l("Relevant child"),
    "former_relevant": _l("Former relevant child"),
    "qualifying": _l("Qualifying care leaver"),
    "none": _l("Not a care leaver in law"),
}

STATUS_DESCRIPTIONS: dict[str, LazyString] = {
    "looked_after": _l("young people in care now"),
    "eligible": _l(
        "16 and 17 year olds still in care who have been in care for at least 13 weeks since age 14"
    ),
    "relevant": _l(
        "16 and 17 year olds who have left care after being in care for at least 13 weeks "
        "since age 14"
    ),
    "former_relevant": _l("care leavers aged 18 or over who were eligible or relevant before"),
    "qualifying": _l(
        "young people who left care after 16 without reaching 13 weeks, or who left care "
        "on a special guardianship order"
    ),
    "none": _l("other young people who have been in care"),
}

CONDITION_DESCRIPTIONS: dict[str, LazyString] = {
    "in_education_or_training": _l("you are in education or training"),
    "in_higher_education": _l("you are on a higher education course, such as a degree"),
    "in_foster_care_at_18": _l("you were living with foster carers when you turned 18"),
    "leaving_residential_care": _l("you lived in a children's home before leaving care"),
}

CONTACT_LABELS: dict[str, LazyString] = {
    "leaving_care_team": _l("Leaving care team"),
    "out_of_hours": _l("Out of hours and emergencies"),
    "advocacy": _l("Advocacy"),
    "complaints": _l("Complaints"),
    "forum": _l("Care leavers' forum"),
}


def kind_label(kind: str, council: str) -> str:
    return (
        str(KIND_LABELS[kind]) % {"council": council}
        if kind == "council"
        else str(KIND_LABELS[kind])
    )


def kind_heading(kind: str, council: str) -> str:
    heading = KIND_HEADINGS[kind]
    return str(heading) % {"council": council} if kind == "council" else str(heading)
