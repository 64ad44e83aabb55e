"""The law of care-leaver status and entitlements, as pure functions over dataclasses.

Nothing here knows about Flask, files or today's date: the caller passes the date.
"""

from localoffer.rules.answers import Answers, CarePeriod, InvalidAnswers, parse_answers
from localoffer.rules.assessment import Assessment
from localoffer.rules.dates import age_on, birthday
from localoffer.rules.entitlements import EntitlementResult, Match, entitlements_for
from localoffer.rules.messages import Message
from localoffer.rules.parameters import EARLIEST_DAY, Law, law_on
from localoffer.rules.periods import THIRTEEN_WEEKS, days_looked_after_since
from localoffer.rules.reasons import Reason
from localoffer.rules.status import assess
from localoffer.rules.vocabulary import (
    ASKED_CONDITIONS,
    CAME_TO_UK_ALONE,
    CONDITIONS,
    DISABLED_OR_SEN,
    ELIGIBLE,
    FORMER_RELEVANT,
    IN_CUSTODY,
    IN_EDUCATION_OR_TRAINING,
    IN_FOSTER_CARE_AT_18,
    IN_HIGHER_EDUCATION,
    LEAVING_RESIDENTIAL_CARE,
    LIVES_IN_COUNCIL_AREA,
    LIVES_OUTSIDE_COUNCIL_AREA,
    LOOKED_AFTER,
    NONE,
    PARENT_OR_EXPECTING,
    PERSONAL_QUESTIONS,
    QUALIFYING,
    RELEVANT,
    STATUSES,
    Criteria,
    Status,
)

__all__ = [
    "ASKED_CONDITIONS",
    "CAME_TO_UK_ALONE",
    "CONDITIONS",
    "DISABLED_OR_SEN",
    "EARLIEST_DAY",
    "ELIGIBLE",
    "FORMER_RELEVANT",
    "IN_CUSTODY",
    "IN_EDUCATION_OR_TRAINING",
    "IN_FOSTER_CARE_AT_18",
    "IN_HIGHER_EDUCATION",
    "LEAVING_RESIDENTIAL_CARE",
    "LIVES_IN_COUNCIL_AREA",
    "LIVES_OUTSIDE_COUNCIL_AREA",
    "LOOKED_AFTER",
    "NONE",
    "PARENT_OR_EXPECTING",
    "PERSONAL_QUESTIONS",
    "QUALIFYING",
    "RELEVANT",
    "STATUSES",
    "THIRTEEN_WEEKS",
    "Answers",
    "Assessment",
    "CarePeriod",
    "Criteria",
    "EntitlementResult",
    "InvalidAnswers",
    "Law",
    "Match",
    "Message",
    "Reason",
    "Status",
    "age_on",
    "assess",
    "birthday",
    "days_looked_after_since",
    "entitlements_for",
    "law_on",
    "parse_answers",
]
