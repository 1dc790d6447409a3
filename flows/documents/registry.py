"""Which context builder fills which template: stage flows, corrections and re-render checks share it."""

from docx_templates import DocumentKind
from flows.common import ContextBuilder
from flows.documents.achievement_reports import build_achievement_reports
from flows.documents.appraisal import build_appraisal
from flows.documents.ballot_count import build_block_ballot_count, build_council_ballot_count
from flows.documents.certificates import build_certificates
from flows.documents.council_minutes import build_council_minutes
from flows.documents.decision import build_decision
from flows.documents.minutes import build_minutes
from flows.documents.proposal import build_proposal
from flows.documents.public_comment_list import build_public_comment_list
from flows.documents.results_notice import build_results_notice
from flows.documents.return_notice import build_return_notice
from flows.documents.standing_minutes import build_standing_minutes

BUILDERS: dict[DocumentKind, ContextBuilder] = {
    DocumentKind.MEETING_MINUTES: build_minutes,
    DocumentKind.BLOCK_PROPOSAL: build_proposal,
    DocumentKind.ACHIEVEMENT_REPORTS: build_achievement_reports,
    DocumentKind.OFFICE_APPRAISAL: build_appraisal,
    DocumentKind.DECISION: build_decision,
    DocumentKind.RETURN_NOTICE: build_return_notice,
    DocumentKind.CERTIFICATES: build_certificates,
    DocumentKind.RESULTS_NOTICE: build_results_notice,
    DocumentKind.PUBLIC_COMMENT_LIST: build_public_comment_list,
    DocumentKind.BLOCK_BALLOT_COUNT: build_block_ballot_count,
    DocumentKind.COUNCIL_MINUTES: build_council_minutes,
    DocumentKind.COUNCIL_BALLOT_COUNT: build_council_ballot_count,
    DocumentKind.STANDING_MINUTES: build_standing_minutes,
}
