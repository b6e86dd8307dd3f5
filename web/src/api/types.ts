/**
 * Names for the generated API types. Everything here is derived from
 * schema.d.ts (generated from ../openapi.yaml): no hand-written wire types.
 */
import type { components, paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type ProblemJson<R> = R extends { content: { 'application/problem+json': infer B } } ? B : never;
type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type Ok<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer S }
      ? Json<S>
      : R extends { 201: infer S }
        ? Json<S>
        : never
    : never;
type Body<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
type Query<P extends keyof paths, M extends keyof paths[P]> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type TokenResponse = Ok<'/api/v1/auth/login', 'post'>;
export type LoginRequest = Body<'/api/v1/auth/login', 'post'>;
export type Me = Ok<'/api/v1/me', 'get'>;
export type ChangePasswordRequest = Body<'/api/v1/me/password', 'post'>;

export type User = Ok<'/api/v1/users/{id}', 'get'>;
export type UserPage = Ok<'/api/v1/users', 'get'>;
export type UserListQuery = Query<'/api/v1/users', 'get'>;
export type NewUser = Body<'/api/v1/users', 'post'>;
export type Role = NewUser['roles'][number];
export type UserChanges = Body<'/api/v1/users/{id}', 'patch'>;
export type ResetPasswordRequest = Body<'/api/v1/users/{id}/password', 'post'>;

export type Unit = Ok<'/api/v1/units/{id}', 'get'>;
export type UnitList = Ok<'/api/v1/units', 'get'>;
export type NewUnit = Body<'/api/v1/units', 'post'>;
export type UnitChanges = Body<'/api/v1/units/{id}', 'patch'>;

export type CodeListSummary = Ok<'/api/v1/codelists', 'get'>['items'][number];
export type CodeList = Ok<'/api/v1/codelists/{name}', 'get'>;
export type CodeListEntry = CodeList['entries'][number];
export type NewCodeListEntry = Body<'/api/v1/codelists/{name}/entries', 'post'>;
export type CodeListEntryChanges = Body<'/api/v1/codelists/{name}/entries/{code}', 'patch'>;

export type AuditPage = Ok<'/api/v1/audit', 'get'>;
export type AuditEvent = AuditPage['items'][number];
export type AuditQuery = Query<'/api/v1/audit', 'get'>;
export type AuditVerification = Ok<'/api/v1/audit/verify', 'get'>;

type Schemas = components['schemas'];

export type Case = Ok<'/api/v1/seizures/{id}', 'get'>;
export type CaseInput = Body<'/api/v1/seizures', 'post'>;
export type CasePage = Ok<'/api/v1/seizures', 'get'>;
export type CaseSummary = CasePage['items'][number];
export type CaseQuery = Query<'/api/v1/seizures', 'get'>;
export type CaseKind = Schemas['CaseKind'];
export type CaseStatus = Schemas['CaseStatus'];
export type GoodsInput = Schemas['GoodsInput'];
export type Goods = Schemas['GoodsDto'];
export type RouteLeg = Schemas['RouteLegInput'];
export type HistoryEntry = Ok<'/api/v1/seizures/{id}/history', 'get'>['items'][number];
export type Attachment = Schemas['AttachmentDto'];
export type AttachmentKind = Schemas['AttachmentKind'];
/** A file of the attachment pipeline: a message's, or a journal entry's (its URLs say through which route). */
export type FileAttachment = Schemas['MessageAttachmentDto'];
export type AgeBand = Schemas['AgeBand'];
export type Gender = Schemas['Gender'];
export type CitesAppendix = Schemas['CitesAppendix'];
export type ConveyanceRole = Schemas['ConveyanceRole'];
export type IdentifierKind = Schemas['IdentifierKind'];
export type CaseAppearance = Schemas['CaseAppearance'];

export type Person = Ok<'/api/v1/persons/{id}', 'get'>;
export type PersonRecord = Schemas['PersonDto'];
export type PersonInput = Body<'/api/v1/persons', 'post'>;
export type PersonQuery = Query<'/api/v1/persons', 'get'>;
export type DocumentInput = Schemas['DocumentInput'];
export type Company = Ok<'/api/v1/companies/{id}', 'get'>;
export type CompanyRecord = Schemas['CompanyDto'];
export type CompanyInput = Body<'/api/v1/companies', 'post'>;
export type CompanyQuery = Query<'/api/v1/companies', 'get'>;
export type CompanyStatus = Schemas['CompanyStatus'];
export type CompanyAddress = Schemas['CompanyAddress'];
export type AddressKind = Schemas['AddressKind'];
export type CompanyIdentifier = Schemas['CompanyIdentifier'];
export type TradeIdKind = Schemas['TradeIdKind'];
export type FormerName = Schemas['FormerName'];
export type CompanyListItem = Ok<'/api/v1/companies', 'get'>['items'][number];
/** A company's risk with its explanation (`GET /companies/{id}/risk`, and the profile's `risk`). */
export type CompanyRiskDetail = Schemas['RiskDto'];
/** A company's computed risk as a badge shows it: a score of 0–100 and its band (a list item's `risk`, or the detail's). */
export type CompanyRisk = Schemas['RiskSummary'];
export type RiskBand = Schemas['RiskBand'];
export type RiskBands = Schemas['RiskBands'];
export type RiskContribution = Schemas['Contribution'];
export type RiskFactor = Schemas['Factor'];
export type RiskFactorRef = Schemas['FactorRef'];
/** Everything the company database holds around a company (`GET /companies/{id}/profile`). */
export type CompanyProfile = Ok<'/api/v1/companies/{id}/profile', 'get'>;
export type CompanyPerson = Schemas['CompanyPerson'];
export type CompanyPersonInput = Body<'/api/v1/companies/{id}/people', 'post'>;
export type PersonRole = Schemas['PersonRole'];
export type CompanyRelation = Schemas['Relation'];
export type RelationInput = Body<'/api/v1/companies/{id}/relations', 'post'>;
export type RelationKind = Schemas['RelationKind'];
/** Another company as a link shows it (name, status, risk). */
export type CompanyRef = Schemas['CompanyRef'];
export type ComputedLink = Schemas['ComputedLink'];
export type SharedKind = Schemas['SharedKind'];
export type SharedHub = Schemas['SharedHub'];
export type SharedIdentifier = Schemas['SharedIdentifier'];
export type CompanyTypology = Schemas['Typology'];
export type TypologyInput = Body<'/api/v1/companies/{id}/typologies', 'post'>;
export type CompanyFlag = Schemas['CompanyFlag'];
export type CompanyFlagInput = Body<'/api/v1/companies/{id}/flags', 'post'>;
/** What a company timeline event is (a case, an investigation link, an alert, an alert's hit, a message thread). */
export type TimelineKind = Schemas['TimelineKind'];
/**
 * One event of a company's timeline: the record to open (`id`: the case, the investigation,
 * the alert — for a hit too — or the thread), its reference, title (an investigation's, a
 * thread's subject), `detail` (the company's roles in a case, comma-separated; its link role
 * in an investigation; an alert's risk level; a thread's kind) and status.
 */
export type CompanyTimelineEvent = Schemas['CompanyTimelineEvent'];
/** A page of a company's timeline, newest first, with what the reader may not see counted (`GET /companies/{id}/timeline`). */
export type CompanyTimeline = Ok<'/api/v1/companies/{id}/timeline', 'get'>;
export type CompanyTimelineQuery = Query<'/api/v1/companies/{id}/timeline', 'get'>;
/** The network around a company (`GET /companies/{id}/network`, and a page of a node's neighbours). */
export type CompanyNetwork = Ok<'/api/v1/companies/{id}/network', 'get'>;
export type NetworkQuery = Query<'/api/v1/companies/{id}/network', 'get'>;
export type NetworkNode = Schemas['Node'];
export type NetworkNodeKind = Schemas['NodeKind'];
export type NetworkEdge = Schemas['Edge'];
export type NetworkTruncated = Schemas['Truncated'];
/** What a register extract's import found, row by row (`POST /companies/import`). */
export type ImportReport = Ok<'/api/v1/companies/import', 'post'>;
export type ImportRow = Schemas['ImportRow'];
export type ImportOutcome = Schemas['ImportOutcome'];
export type Conveyance = Ok<'/api/v1/conveyances/{id}', 'get'>;
export type ConveyanceRecord = Schemas['ConveyanceDto'];
export type ConveyanceInput = Body<'/api/v1/conveyances', 'post'>;
export type ConveyanceQuery = Query<'/api/v1/conveyances', 'get'>;

/** Seizure statistics (`GET /stats/seizures`): rows of measures grouped by up to two dimensions. */
export type SeizureStats = Ok<'/api/v1/stats/seizures', 'get'>;
export type StatsQuery = Query<'/api/v1/stats/seizures', 'get'>;
export type StatsRow = Schemas['StatsRow'];
export type StatsMeasures = Schemas['Measures'];
export type StatsComparison = Schemas['StatsComparison'];
export type UnitQuantity = Schemas['UnitQuantity'];
export type StatsDimension = Schemas['Dimension'];
export type StatsPeriod = Schemas['Period'];
export type CountedStatus = Schemas['CountedStatus'];

type LoginResponses = Op<'/api/v1/auth/login', 'post'> extends { responses: infer R } ? R : never;
export type Problem = ProblemJson<LoginResponses[keyof LoginResponses]>;
