"""The portal's fixed vocabulary in plain, translatable words: themes, kinds and statuses."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Theme:
    """How one theme of the offer is shown: its name and what it covers, and its colour and
    pattern on the support timeline."""

    code: str  # as written in a content file's front matter
    title: LazyString
    description: LazyString
    # 3:1 or more against white (WCAG 1.4.11); the pattern keeps the picture readable in black
    # and white or to someone who does not tell the colours apart (WCAG 1.4.1).
    colour: str
    pattern: str


# In the content model's order (content.THEMES), which is the order pages list them in.
THEME_BY_CODE: dict[str, Theme] = {
    theme.code: theme
    for theme in (
        Theme(
            "health",
            _l("Health and wellbeing"),
            _l("Your health, your mind and how to get help when you need it."),
            "#00703c",
            "diagonal",
        ),
        Theme(
            "housing",
            _l("Housing"),
            _l("Somewhere safe to live, and help to keep your home."),
            "#1d70b8",
            "horizontal",
        ),
        Theme(
            "education-employment-training",
            _l("Education, training and work"),
            _l("College, university, apprenticeships and jobs."),
            "#54319f",
            "dots",
        ),
        Theme(
            "finances",
            _l("Money"),
            _l("Grants, bursaries, benefits and help with bills."),
            "#b14d00",
            "crosshatch",
        ),
        Theme(
            "relationships",
            _l("Relationships and support"),
            _l("Your personal adviser, your plan, and the people who support you."),
            "#ca3535",
            "vertical",
        ),
        Theme(
            "participation",
            _l("Having your say"),
            _l("Your rights, your records, and how to speak up or complain."),
            "#505a5f",
            "checks",
        ),
    )
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

# Modifier classes for govukTag (the plain tag is the law's).
KIND_TAG_CLASSES: dict[str, str] = {
    "statutory": "",
    "national": "govuk-tag--teal",
    "council": "govuk-tag--purple",
}

STATUS_NAMES: dict[str, LazyString] = {
    "looked_after": _l("In care"),
    "eligible": _l("Eligible child"),
    "relevant": _l("Relevant child"),
    "former_relevant": _l("Former relevant child"),
    "qualifying": _l("Qualifying care leaver"),
    "none": _l("Not a care leaver in law"),
}

# The legal names in English, shown once beside the translated name so that a young person
# can use the words their personal adviser and the law use; translations carry no English.
STATUS_LEGAL_TERMS: dict[str, str] = {
    "eligible": "Eligible child",
    "relevant": "Relevant child",
    "former_relevant": "Former relevant child",
    "qualifying": "Qualifying care leaver",
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
    "full_time_higher_or_residential_education": _l(
        "you study full time at university, or at a college where you live during term, and "
        "your term-time home is not available in the holidays"
    ),
    "looked_after_after_16": _l("you were looked after on or after your 16th birthday, before 18"),
    "looked_after_12_months": _l("you were looked after for 12 months or more without a break"),
    "parent_or_expecting": _l("you are a parent, or you or your partner are expecting a baby"),
    "came_to_uk_alone": _l("you came to the UK on your own as a child"),
    "disabled_or_special_educational_needs": _l(
        "you are disabled or have special educational needs"
    ),
    "lives_outside_council_area": _l(
        "you live outside the area of the council that looked after you"
    ),
    "lives_in_council_area": _l("you live in the area of the council that looked after you"),
    "in_custody": _l("you are in custody, or leaving custody"),
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


STATUS_HEADLINES: dict[str, LazyString] = {
    "looked_after": _l("You are in care, and not yet a care leaver in law"),
    "eligible": _l("You are in care, and you will get support when you leave"),
    "relevant": _l("You are a care leaver aged 16 or 17"),
    "former_relevant": _l("You are a care leaver aged 18 or over"),
    "qualifying": _l("You can get some help as a care leaver"),
    "none": _l("You are not a care leaver in law, but you can still get help"),
}

STATUS_MEANINGS: dict[str, LazyString] = {
    "looked_after": _l(
        "The council looks after you now. Leaving care support starts once you have been in "
        "care for 13 weeks since your 14th birthday, with some of that time after you turn 16. "
        "Your social worker and your independent reviewing officer can tell you more."
    ),
    "eligible": _l(
        "You have a personal adviser and a pathway plan. When you leave care, the council "
        "must still support you, and most of this offer is for you."
    ),
    "relevant": _l(
        "The council must give you somewhere suitable to live and money to live on, a "
        "personal adviser and a pathway plan, until you are 18. Then you become a former "
        "relevant child and your support goes on."
    ),
    "former_relevant": _l(
        "You can have a personal adviser and a pathway plan until you are 25, and help with "
        "education, training, work and housing."
    ),
    "qualifying": _l(
        "The council must give you advice and help, and can help with education, training "
        "and money. You do not get a personal adviser, but you can ask the leaving care team "
        "for help at any time."
    ),
    "none": _l(
        "From your answers, the leaving care law does not cover you now. Some help from the "
        "council and other services may still be open to you. If you think this is wrong, "
        "talk to the leaving care team or ask an advocate to help you."
    ),
}
