"""Contains all the data models used in inputs/outputs"""

from .ack import Ack
from .action_list import ActionList
from .address_kind import AddressKind
from .age_band import AgeBand
from .agreement_document import AgreementDocument
from .agreement_document_form import AgreementDocumentForm
from .agreement_dto import AgreementDto
from .agreement_fields import AgreementFields
from .agreement_list import AgreementList
from .agreement_ref import AgreementRef
from .alert_dto import AlertDto
from .alert_identifier_kind import AlertIdentifierKind
from .alert_input import AlertInput
from .alert_list import AlertList
from .alert_notice import AlertNotice
from .alert_notices import AlertNotices
from .alert_status import AlertStatus
from .alert_summary import AlertSummary
from .attachment_dto import AttachmentDto
from .attachment_kind import AttachmentKind
from .audit_event_dto import AuditEventDto
from .audit_page import AuditPage
from .band import Band
from .batch_counts import BatchCounts
from .batch_line import BatchLine
from .batch_outcome import BatchOutcome
from .batch_request import BatchRequest
from .batch_result import BatchResult
from .batch_row import BatchRow
from .broken_link import BrokenLink
from .candidate import Candidate
from .case_appearance import CaseAppearance
from .case_dto import CaseDto
from .case_input import CaseInput
from .case_kind import CaseKind
from .case_page import CasePage
from .case_status import CaseStatus
from .case_summary import CaseSummary
from .cen_batch import CenBatch
from .cen_batch_list import CenBatchList
from .cen_format import CenFormat
from .cen_goods import CenGoods
from .cen_pending import CenPending
from .cen_record import CenRecord
from .change_password_request import ChangePasswordRequest
from .checklist_item import ChecklistItem
from .cites_appendix import CitesAppendix
from .class_ import Class
from .code_entry import CodeEntry
from .code_entry_attributes import CodeEntryAttributes
from .code_entry_labels import CodeEntryLabels
from .code_list import CodeList
from .code_list_index import CodeListIndex
from .code_list_summary import CodeListSummary
from .commit_request import CommitRequest
from .company_address import CompanyAddress
from .company_detail import CompanyDetail
from .company_dto import CompanyDto
from .company_flag import CompanyFlag
from .company_flag_input import CompanyFlagInput
from .company_identifier import CompanyIdentifier
from .company_input import CompanyInput
from .company_input_probe import CompanyInputProbe
from .company_input_probe_addresses_item import CompanyInputProbeAddressesItem
from .company_input_probe_former_names_item import CompanyInputProbeFormerNamesItem
from .company_input_probe_identifiers_item import CompanyInputProbeIdentifiersItem
from .company_link_input import CompanyLinkInput
from .company_list_item import CompanyListItem
from .company_page import CompanyPage
from .company_person import CompanyPerson
from .company_person_input import CompanyPersonInput
from .company_profile import CompanyProfile
from .company_query import CompanyQuery
from .company_ref import CompanyRef
from .company_search import CompanySearch
from .company_status import CompanyStatus
from .company_timeline import CompanyTimeline
from .company_timeline_event import CompanyTimelineEvent
from .computed_link import ComputedLink
from .contribution import Contribution
from .conveyance_detail import ConveyanceDetail
from .conveyance_dto import ConveyanceDto
from .conveyance_input import ConveyanceInput
from .conveyance_link_input import ConveyanceLinkInput
from .conveyance_list_item import ConveyanceListItem
from .conveyance_page import ConveyancePage
from .conveyance_role import ConveyanceRole
from .conveyance_search import ConveyanceSearch
from .counted_status import CountedStatus
from .create_agreement import CreateAgreement
from .create_entry import CreateEntry
from .create_entry_attributes_type_0 import CreateEntryAttributesType0
from .create_entry_labels import CreateEntryLabels
from .create_partner import CreatePartner
from .create_thread import CreateThread
from .create_unit import CreateUnit
from .create_user import CreateUser
from .decline_request import DeclineRequest
from .dimension import Dimension
from .dismiss_input import DismissInput
from .dismiss_request import DismissRequest
from .document_input import DocumentInput
from .document_query import DocumentQuery
from .duplicate import Duplicate
from .duplicate_list import DuplicateList
from .duplicate_page import DuplicatePage
from .duplicate_pair import DuplicatePair
from .edge import Edge
from .entry_kind import EntryKind
from .event_kind import EventKind
from .export_cases_order import ExportCasesOrder
from .export_seizure_stats_period import ExportSeizureStatsPeriod
from .export_seizure_stats_status import ExportSeizureStatsStatus
from .fact import Fact
from .factor import Factor
from .factor_ref import FactorRef
from .feature import Feature
from .feedback_outcome import FeedbackOutcome
from .field_error import FieldError
from .field_rule import FieldRule
from .file_format import FileFormat
from .former_name import FormerName
from .from_templates import FromTemplates
from .gender import Gender
from .goods_brief import GoodsBrief
from .goods_dto import GoodsDto
from .goods_input import GoodsInput
from .graph_edge import GraphEdge
from .graph_edge_kind import GraphEdgeKind
from .graph_node import GraphNode
from .graph_node_kind import GraphNodeKind
from .graph_truncated import GraphTruncated
from .health import Health
from .history_entry import HistoryEntry
from .history_list import HistoryList
from .hit_alert import HitAlert
from .hit_case import HitCase
from .hit_counts import HitCounts
from .hit_detail import HitDetail
from .hit_dto import HitDto
from .hit_list import HitList
from .hit_record import HitRecord
from .hit_status import HitStatus
from .identifier_kind import IdentifierKind
from .import_format import ImportFormat
from .import_job import ImportJob
from .import_list import ImportList
from .import_mode import ImportMode
from .import_outcome import ImportOutcome
from .import_problem import ImportProblem
from .import_problems import ImportProblems
from .import_proposal import ImportProposal
from .import_proposals import ImportProposals
from .import_report import ImportReport
from .import_row import ImportRow
from .import_status import ImportStatus
from .inbox_dto import InboxDto
from .inbox_list import InboxList
from .inbox_package import InboxPackage
from .inbox_package_documents_item import InboxPackageDocumentsItem
from .inbox_status import InboxStatus
from .instrument import Instrument
from .investigation_counts import InvestigationCounts
from .investigation_dto import InvestigationDto
from .investigation_input import InvestigationInput
from .investigation_list import InvestigationList
from .investigation_patch import InvestigationPatch
from .investigation_status import InvestigationStatus
from .investigation_summary import InvestigationSummary
from .investigation_thread import InvestigationThread
from .investigation_threads import InvestigationThreads
from .journal import Journal
from .journal_entry import JournalEntry
from .journal_input import JournalInput
from .link_dto import LinkDto
from .link_graph import LinkGraph
from .link_input import LinkInput
from .link_list import LinkList
from .link_party import LinkParty
from .link_path import LinkPath
from .linked_company import LinkedCompany
from .linked_conveyance import LinkedConveyance
from .linked_person import LinkedPerson
from .list_cases_order import ListCasesOrder
from .login_request import LoginRequest
from .me_dto import MeDto
from .measures import Measures
from .member_dto import MemberDto
from .member_input import MemberInput
from .merge_counts import MergeCounts
from .merge_dto import MergeDto
from .merge_input import MergeInput
from .merge_kind import MergeKind
from .merge_list import MergeList
from .message_attachment_dto import MessageAttachmentDto
from .message_dto import MessageDto
from .message_event import MessageEvent
from .message_upload_form import MessageUploadForm
from .named import Named
from .network import Network
from .node import Node
from .node_identity import NodeIdentity
from .node_kind import NodeKind
from .notification_dto import NotificationDto
from .notification_event import NotificationEvent
from .notification_kind import NotificationKind
from .notification_page import NotificationPage
from .notifications_read_event import NotificationsReadEvent
from .office_dto import OfficeDto
from .outbox_dto import OutboxDto
from .outbox_dto_acknowledgement_type_0 import OutboxDtoAcknowledgementType0
from .outbox_list import OutboxList
from .outcome import Outcome
from .package import Package
from .package_case import PackageCase
from .package_case_document import PackageCaseDocument
from .package_import import PackageImport
from .package_kind import PackageKind
from .package_status import PackageStatus
from .pair_status import PairStatus
from .participant_dto import ParticipantDto
from .partner_dto import PartnerDto
from .partner_list import PartnerList
from .partner_status import PartnerStatus
from .party import Party
from .party_link import PartyLink
from .period import Period
from .person_detail import PersonDetail
from .person_dto import PersonDto
from .person_input import PersonInput
from .person_input_probe import PersonInputProbe
from .person_input_probe_documents_item import PersonInputProbeDocumentsItem
from .person_link_input import PersonLinkInput
from .person_list_item import PersonListItem
from .person_page import PersonPage
from .person_query import PersonQuery
from .person_role import PersonRole
from .person_search import PersonSearch
from .post_message import PostMessage
from .preferences import Preferences
from .preview import Preview
from .preview_documents_item import PreviewDocumentsItem
from .preview_request import PreviewRequest
from .problem import Problem
from .provenance import Provenance
from .read_event import ReadEvent
from .reason_input import ReasonInput
from .received_case import ReceivedCase
from .received_case_document import ReceivedCaseDocument
from .received_case_list import ReceivedCaseList
from .received_case_summary import ReceivedCaseSummary
from .received_party import ReceivedParty
from .received_version import ReceivedVersion
from .received_withdrawal import ReceivedWithdrawal
from .recipient import Recipient
from .recipient_list import RecipientList
from .record_change import RecordChange
from .record_change_changes import RecordChangeChanges
from .record_history import RecordHistory
from .record_kind import RecordKind
from .record_label import RecordLabel
from .record_ref import RecordRef
from .record_type import RecordType
from .register_sort import RegisterSort
from .relation import Relation
from .relation_input import RelationInput
from .relation_kind import RelationKind
from .renew_input import RenewInput
from .reopen_input import ReopenInput
from .reopen_note import ReopenNote
from .requested_action import RequestedAction
from .reset_password import ResetPassword
from .restricted_counts import RestrictedCounts
from .review_input import ReviewInput
from .risk_band import RiskBand
from .risk_bands import RiskBands
from .risk_dto import RiskDto
from .risk_level import RiskLevel
from .risk_summary import RiskSummary
from .role import Role
from .route_leg_input import RouteLegInput
from .saved_search_dto import SavedSearchDto
from .saved_search_input import SavedSearchInput
from .saved_search_list import SavedSearchList
from .saved_search_patch import SavedSearchPatch
from .scope import Scope
from .screening_alert import ScreeningAlert
from .screening_request_type_0 import ScreeningRequestType0
from .screening_request_type_1 import ScreeningRequestType1
from .screening_result import ScreeningResult
from .search_hit import SearchHit
from .search_hit_list import SearchHitList
from .search_target import SearchTarget
from .seizure_search import SeizureSearch
from .seizure_stats import SeizureStats
from .seizure_stats_period import SeizureStatsPeriod
from .seizure_stats_status import SeizureStatsStatus
from .seizure_summary import SeizureSummary
from .send_request import SendRequest
from .shared_hub import SharedHub
from .shared_identifier import SharedIdentifier
from .shared_kind import SharedKind
from .standing_code import StandingCode
from .stats_comparison import StatsComparison
from .stats_row import StatsRow
from .subject_kind import SubjectKind
from .summary_goods import SummaryGoods
from .summary_leg import SummaryLeg
from .target_kind import TargetKind
from .task_dto import TaskDto
from .task_input import TaskInput
from .task_list import TaskList
from .task_status import TaskStatus
from .thread_detail import ThreadDetail
from .thread_input import ThreadInput
from .thread_kind import ThreadKind
from .thread_page import ThreadPage
from .thread_summary import ThreadSummary
from .thread_template_type_0 import ThreadTemplateType0
from .thread_template_type_0_kind import ThreadTemplateType0Kind
from .thread_template_type_1 import ThreadTemplateType1
from .thread_template_type_1_kind import ThreadTemplateType1Kind
from .thread_template_type_2 import ThreadTemplateType2
from .thread_template_type_2_kind import ThreadTemplateType2Kind
from .thread_template_type_3 import ThreadTemplateType3
from .thread_template_type_3_kind import ThreadTemplateType3Kind
from .thresholds import Thresholds
from .timeline import Timeline
from .timeline_event import TimelineEvent
from .timeline_event_details import TimelineEventDetails
from .timeline_kind import TimelineKind
from .token_response import TokenResponse
from .trade_id_kind import TradeIdKind
from .transition_input import TransitionInput
from .truncated import Truncated
from .typology import Typology
from .typology_input import TypologyInput
from .unit_dto import UnitDto
from .unit_list import UnitList
from .unit_names import UnitNames
from .unit_quantity import UnitQuantity
from .unit_ref import UnitRef
from .update_entry import UpdateEntry
from .update_entry_labels_type_0 import UpdateEntryLabelsType0
from .update_partner import UpdatePartner
from .update_unit import UpdateUnit
from .update_user import UpdateUser
from .upload_form import UploadForm
from .upload_import_format import UploadImportFormat
from .upload_import_mode import UploadImportMode
from .user_dto import UserDto
from .user_page import UserPage
from .user_ref import UserRef
from .verify_report import VerifyReport
from .warning_fields import WarningFields
from .warning_route import WarningRoute
from .watch_target import WatchTarget
from .watch_type import WatchType
from .withdraw_input import WithdrawInput
from .withdraw_request import WithdrawRequest
from .withdrawal import Withdrawal
from .withdrawn_case import WithdrawnCase
from .work_item import WorkItem
from .work_page import WorkPage
from .workflow_comment import WorkflowComment

__all__ = (
    "Ack",
    "ActionList",
    "AddressKind",
    "AgeBand",
    "AgreementDocument",
    "AgreementDocumentForm",
    "AgreementDto",
    "AgreementFields",
    "AgreementList",
    "AgreementRef",
    "AlertDto",
    "AlertIdentifierKind",
    "AlertInput",
    "AlertList",
    "AlertNotice",
    "AlertNotices",
    "AlertStatus",
    "AlertSummary",
    "AttachmentDto",
    "AttachmentKind",
    "AuditEventDto",
    "AuditPage",
    "Band",
    "BatchCounts",
    "BatchLine",
    "BatchOutcome",
    "BatchRequest",
    "BatchResult",
    "BatchRow",
    "BrokenLink",
    "Candidate",
    "CaseAppearance",
    "CaseDto",
    "CaseInput",
    "CaseKind",
    "CasePage",
    "CaseStatus",
    "CaseSummary",
    "CenBatch",
    "CenBatchList",
    "CenFormat",
    "CenGoods",
    "CenPending",
    "CenRecord",
    "ChangePasswordRequest",
    "ChecklistItem",
    "CitesAppendix",
    "Class",
    "CodeEntry",
    "CodeEntryAttributes",
    "CodeEntryLabels",
    "CodeList",
    "CodeListIndex",
    "CodeListSummary",
    "CommitRequest",
    "CompanyAddress",
    "CompanyDetail",
    "CompanyDto",
    "CompanyFlag",
    "CompanyFlagInput",
    "CompanyIdentifier",
    "CompanyInput",
    "CompanyInputProbe",
    "CompanyInputProbeAddressesItem",
    "CompanyInputProbeFormerNamesItem",
    "CompanyInputProbeIdentifiersItem",
    "CompanyLinkInput",
    "CompanyListItem",
    "CompanyPage",
    "CompanyPerson",
    "CompanyPersonInput",
    "CompanyProfile",
    "CompanyQuery",
    "CompanyRef",
    "CompanySearch",
    "CompanyStatus",
    "CompanyTimeline",
    "CompanyTimelineEvent",
    "ComputedLink",
    "Contribution",
    "ConveyanceDetail",
    "ConveyanceDto",
    "ConveyanceInput",
    "ConveyanceLinkInput",
    "ConveyanceListItem",
    "ConveyancePage",
    "ConveyanceRole",
    "ConveyanceSearch",
    "CountedStatus",
    "CreateAgreement",
    "CreateEntry",
    "CreateEntryAttributesType0",
    "CreateEntryLabels",
    "CreatePartner",
    "CreateThread",
    "CreateUnit",
    "CreateUser",
    "DeclineRequest",
    "Dimension",
    "DismissInput",
    "DismissRequest",
    "DocumentInput",
    "DocumentQuery",
    "Duplicate",
    "DuplicateList",
    "DuplicatePage",
    "DuplicatePair",
    "Edge",
    "EntryKind",
    "EventKind",
    "ExportCasesOrder",
    "ExportSeizureStatsPeriod",
    "ExportSeizureStatsStatus",
    "Fact",
    "Factor",
    "FactorRef",
    "Feature",
    "FeedbackOutcome",
    "FieldError",
    "FieldRule",
    "FileFormat",
    "FormerName",
    "FromTemplates",
    "Gender",
    "GoodsBrief",
    "GoodsDto",
    "GoodsInput",
    "GraphEdge",
    "GraphEdgeKind",
    "GraphNode",
    "GraphNodeKind",
    "GraphTruncated",
    "Health",
    "HistoryEntry",
    "HistoryList",
    "HitAlert",
    "HitCase",
    "HitCounts",
    "HitDetail",
    "HitDto",
    "HitList",
    "HitRecord",
    "HitStatus",
    "IdentifierKind",
    "ImportFormat",
    "ImportJob",
    "ImportList",
    "ImportMode",
    "ImportOutcome",
    "ImportProblem",
    "ImportProblems",
    "ImportProposal",
    "ImportProposals",
    "ImportReport",
    "ImportRow",
    "ImportStatus",
    "InboxDto",
    "InboxList",
    "InboxPackage",
    "InboxPackageDocumentsItem",
    "InboxStatus",
    "Instrument",
    "InvestigationCounts",
    "InvestigationDto",
    "InvestigationInput",
    "InvestigationList",
    "InvestigationPatch",
    "InvestigationStatus",
    "InvestigationSummary",
    "InvestigationThread",
    "InvestigationThreads",
    "Journal",
    "JournalEntry",
    "JournalInput",
    "LinkDto",
    "LinkedCompany",
    "LinkedConveyance",
    "LinkedPerson",
    "LinkGraph",
    "LinkInput",
    "LinkList",
    "LinkParty",
    "LinkPath",
    "ListCasesOrder",
    "LoginRequest",
    "Measures",
    "MeDto",
    "MemberDto",
    "MemberInput",
    "MergeCounts",
    "MergeDto",
    "MergeInput",
    "MergeKind",
    "MergeList",
    "MessageAttachmentDto",
    "MessageDto",
    "MessageEvent",
    "MessageUploadForm",
    "Named",
    "Network",
    "Node",
    "NodeIdentity",
    "NodeKind",
    "NotificationDto",
    "NotificationEvent",
    "NotificationKind",
    "NotificationPage",
    "NotificationsReadEvent",
    "OfficeDto",
    "OutboxDto",
    "OutboxDtoAcknowledgementType0",
    "OutboxList",
    "Outcome",
    "Package",
    "PackageCase",
    "PackageCaseDocument",
    "PackageImport",
    "PackageKind",
    "PackageStatus",
    "PairStatus",
    "ParticipantDto",
    "PartnerDto",
    "PartnerList",
    "PartnerStatus",
    "Party",
    "PartyLink",
    "Period",
    "PersonDetail",
    "PersonDto",
    "PersonInput",
    "PersonInputProbe",
    "PersonInputProbeDocumentsItem",
    "PersonLinkInput",
    "PersonListItem",
    "PersonPage",
    "PersonQuery",
    "PersonRole",
    "PersonSearch",
    "PostMessage",
    "Preferences",
    "Preview",
    "PreviewDocumentsItem",
    "PreviewRequest",
    "Problem",
    "Provenance",
    "ReadEvent",
    "ReasonInput",
    "ReceivedCase",
    "ReceivedCaseDocument",
    "ReceivedCaseList",
    "ReceivedCaseSummary",
    "ReceivedParty",
    "ReceivedVersion",
    "ReceivedWithdrawal",
    "Recipient",
    "RecipientList",
    "RecordChange",
    "RecordChangeChanges",
    "RecordHistory",
    "RecordKind",
    "RecordLabel",
    "RecordRef",
    "RecordType",
    "RegisterSort",
    "Relation",
    "RelationInput",
    "RelationKind",
    "RenewInput",
    "ReopenInput",
    "ReopenNote",
    "RequestedAction",
    "ResetPassword",
    "RestrictedCounts",
    "ReviewInput",
    "RiskBand",
    "RiskBands",
    "RiskDto",
    "RiskLevel",
    "RiskSummary",
    "Role",
    "RouteLegInput",
    "SavedSearchDto",
    "SavedSearchInput",
    "SavedSearchList",
    "SavedSearchPatch",
    "Scope",
    "ScreeningAlert",
    "ScreeningRequestType0",
    "ScreeningRequestType1",
    "ScreeningResult",
    "SearchHit",
    "SearchHitList",
    "SearchTarget",
    "SeizureSearch",
    "SeizureStats",
    "SeizureStatsPeriod",
    "SeizureStatsStatus",
    "SeizureSummary",
    "SendRequest",
    "SharedHub",
    "SharedIdentifier",
    "SharedKind",
    "StandingCode",
    "StatsComparison",
    "StatsRow",
    "SubjectKind",
    "SummaryGoods",
    "SummaryLeg",
    "TargetKind",
    "TaskDto",
    "TaskInput",
    "TaskList",
    "TaskStatus",
    "ThreadDetail",
    "ThreadInput",
    "ThreadKind",
    "ThreadPage",
    "ThreadSummary",
    "ThreadTemplateType0",
    "ThreadTemplateType0Kind",
    "ThreadTemplateType1",
    "ThreadTemplateType1Kind",
    "ThreadTemplateType2",
    "ThreadTemplateType2Kind",
    "ThreadTemplateType3",
    "ThreadTemplateType3Kind",
    "Thresholds",
    "Timeline",
    "TimelineEvent",
    "TimelineEventDetails",
    "TimelineKind",
    "TokenResponse",
    "TradeIdKind",
    "TransitionInput",
    "Truncated",
    "Typology",
    "TypologyInput",
    "UnitDto",
    "UnitList",
    "UnitNames",
    "UnitQuantity",
    "UnitRef",
    "UpdateEntry",
    "UpdateEntryLabelsType0",
    "UpdatePartner",
    "UpdateUnit",
    "UpdateUser",
    "UploadForm",
    "UploadImportFormat",
    "UploadImportMode",
    "UserDto",
    "UserPage",
    "UserRef",
    "VerifyReport",
    "WarningFields",
    "WarningRoute",
    "WatchTarget",
    "WatchType",
    "Withdrawal",
    "WithdrawInput",
    "WithdrawnCase",
    "WithdrawRequest",
    "WorkflowComment",
    "WorkItem",
    "WorkPage",
)
