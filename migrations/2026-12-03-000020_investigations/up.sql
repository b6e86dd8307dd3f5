-- Investigations (issue 14): the suspect database's cases in progress — a workflow whose
-- transitions only certain people may make, a lead and a team (need-to-know), links to the
-- records concerned, tasks, an append-only journal, and a timeline of everything.

-- Offence types (an investigation's), and the tasks each usually needs (`task_templates`,
-- parent: the offence type), administered like every code list.
INSERT INTO codelists (name, description, parent_list) VALUES
  ('offence_types', 'Types of customs offence an investigation is about', NULL),
  ('task_templates', 'Tasks an investigation of an offence type usually needs', 'offence_types');

INSERT INTO codelist_entries (list_name, code, parent_code, labels, attributes, sort_order) VALUES
  ('offence_types', 'drug_trafficking', NULL, '{"en": "Drug trafficking", "fr": "Trafic de stupéfiants", "ar": "الاتجار بالمخدرات"}', '{}', 10),
  ('offence_types', 'tobacco_smuggling', NULL, '{"en": "Tobacco smuggling", "fr": "Contrebande de tabac", "ar": "تهريب التبغ"}', '{}', 20),
  ('offence_types', 'alcohol_smuggling', NULL, '{"en": "Alcohol smuggling", "fr": "Contrebande d''alcool", "ar": "تهريب الكحول"}', '{}', 30),
  ('offence_types', 'cash_smuggling', NULL, '{"en": "Undeclared cash and bearer instruments", "fr": "Manquement à l''obligation déclarative (espèces)", "ar": "عدم التصريح بالأموال النقدية"}', '{}', 40),
  ('offence_types', 'ipr_infringement', NULL, '{"en": "Counterfeiting and piracy", "fr": "Contrefaçon et piratage", "ar": "التقليد والقرصنة"}', '{}', 50),
  ('offence_types', 'medicines', NULL, '{"en": "Falsified or illicit medicines", "fr": "Médicaments falsifiés ou illicites", "ar": "الأدوية المزيفة أو غير المشروعة"}', '{}', 60),
  ('offence_types', 'weapons', NULL, '{"en": "Weapons and explosives trafficking", "fr": "Trafic d''armes et d''explosifs", "ar": "الاتجار بالأسلحة والمتفجرات"}', '{}', 70),
  ('offence_types', 'strategic_goods', NULL, '{"en": "Strategic goods and sanctions evasion", "fr": "Biens stratégiques et contournement des sanctions", "ar": "السلع الاستراتيجية والتحايل على العقوبات"}', '{}', 80),
  ('offence_types', 'wildlife', NULL, '{"en": "Wildlife and timber trafficking (CITES)", "fr": "Trafic d''espèces sauvages et de bois (CITES)", "ar": "الاتجار بالأحياء البرية والأخشاب"}', '{}', 90),
  ('offence_types', 'hazardous_waste', NULL, '{"en": "Hazardous waste and ozone-depleting substances", "fr": "Déchets dangereux et substances appauvrissant la couche d''ozone", "ar": "النفايات الخطرة والمواد المستنفدة للأوزون"}', '{}', 100),
  ('offence_types', 'cultural_goods', NULL, '{"en": "Trafficking in cultural goods", "fr": "Trafic de biens culturels", "ar": "الاتجار بالممتلكات الثقافية"}', '{}', 110),
  ('offence_types', 'undervaluation', NULL, '{"en": "Undervaluation", "fr": "Minoration de valeur", "ar": "التصريح بقيمة أقل"}', '{}', 120),
  ('offence_types', 'misclassification', NULL, '{"en": "Misclassification", "fr": "Fausse déclaration d''espèce tarifaire", "ar": "التصنيف الخاطئ"}', '{}', 130),
  ('offence_types', 'origin_fraud', NULL, '{"en": "Origin fraud", "fr": "Fraude à l''origine", "ar": "الغش في المنشأ"}', '{}', 140),
  ('offence_types', 'excise_fraud', NULL, '{"en": "Excise and VAT fraud", "fr": "Fraude aux accises et à la TVA", "ar": "الغش في رسوم الاستهلاك والضريبة على القيمة المضافة"}', '{}', 150),
  ('offence_types', 'money_laundering', NULL, '{"en": "Trade-based money laundering", "fr": "Blanchiment par le commerce", "ar": "غسل الأموال عبر التجارة"}', '{}', 160),
  ('offence_types', 'other', NULL, '{"en": "Other customs offence", "fr": "Autre infraction douanière", "ar": "مخالفة جمركية أخرى"}', '{}', 170);

INSERT INTO codelist_entries (list_name, code, parent_code, labels, attributes, sort_order) VALUES
  ('task_templates', 'drugs_flight_manifest', 'drug_trafficking', '{"en": "Request the flight or voyage manifest", "fr": "Demander le manifeste du vol ou du voyage", "ar": "طلب بيان الرحلة"}', '{"due_days": 7}', 10),
  ('task_templates', 'drugs_bank_accounts', 'drug_trafficking', '{"en": "Check the bank accounts of the persons involved", "fr": "Vérifier les comptes bancaires des personnes en cause", "ar": "التحقق من الحسابات المصرفية للأشخاص المعنيين"}', '{"due_days": 30}', 20),
  ('task_templates', 'drugs_interview_courier', 'drug_trafficking', '{"en": "Interview the courier", "fr": "Auditionner le passeur", "ar": "استجواب الناقل"}', '{"due_days": 2}', 30),
  ('task_templates', 'drugs_phone_analysis', 'drug_trafficking', '{"en": "Analyse the seized phones", "fr": "Exploiter les téléphones saisis", "ar": "تحليل الهواتف المحجوزة"}', '{"due_days": 14}', 40),
  ('task_templates', 'drugs_lab_analysis', 'drug_trafficking', '{"en": "Send samples to the laboratory", "fr": "Envoyer des échantillons au laboratoire", "ar": "إرسال عينات إلى المختبر"}', '{"due_days": 5}', 50),
  ('task_templates', 'tobacco_supply_chain', 'tobacco_smuggling', '{"en": "Trace the supply chain and the consignor", "fr": "Remonter la chaîne d''approvisionnement et l''expéditeur", "ar": "تتبع سلسلة الإمداد والمرسل"}', '{"due_days": 30}', 10),
  ('task_templates', 'tobacco_tax_stamps', 'tobacco_smuggling', '{"en": "Check tax stamps and markings", "fr": "Vérifier les timbres fiscaux et marquages", "ar": "التحقق من الطوابع الضريبية والعلامات"}', '{"due_days": 7}', 20),
  ('task_templates', 'ipr_right_holder', 'ipr_infringement', '{"en": "Ask the right holder for an expertise", "fr": "Demander une expertise au titulaire du droit", "ar": "طلب خبرة من صاحب الحق"}', '{"due_days": 10}', 10),
  ('task_templates', 'ipr_importer_history', 'ipr_infringement', '{"en": "Review the importer''s past declarations", "fr": "Examiner les déclarations antérieures de l''importateur", "ar": "مراجعة التصريحات السابقة للمستورد"}', '{"due_days": 21}', 20),
  ('task_templates', 'cash_origin', 'cash_smuggling', '{"en": "Establish the origin of the funds", "fr": "Établir l''origine des fonds", "ar": "تحديد مصدر الأموال"}', '{"due_days": 14}', 10),
  ('task_templates', 'cash_fiu_report', 'cash_smuggling', '{"en": "Report to the financial intelligence unit", "fr": "Signaler à la cellule de renseignement financier", "ar": "الإبلاغ إلى وحدة الاستخبارات المالية"}', '{"due_days": 3}', 20),
  ('task_templates', 'fraud_audit', 'undervaluation', '{"en": "Run a post-clearance audit of the importer", "fr": "Mener un contrôle a posteriori de l''importateur", "ar": "إجراء تدقيق لاحق للمستورد"}', '{"due_days": 45}', 10),
  ('task_templates', 'fraud_invoices', 'undervaluation', '{"en": "Obtain the commercial invoices and payments", "fr": "Obtenir les factures commerciales et les paiements", "ar": "الحصول على الفواتير التجارية والمدفوعات"}', '{"due_days": 21}', 20),
  ('task_templates', 'origin_verification', 'origin_fraud', '{"en": "Request an origin verification from the exporting country", "fr": "Demander un contrôle a posteriori de l''origine au pays d''exportation", "ar": "طلب التحقق من المنشأ من بلد التصدير"}', '{"due_days": 60}', 10),
  ('task_templates', 'weapons_tracing', 'weapons', '{"en": "Request the tracing of the weapons", "fr": "Demander le traçage des armes", "ar": "طلب تتبع الأسلحة"}', '{"due_days": 14}', 10);

CREATE TABLE investigation_reference_counters (
    year int PRIMARY KEY,
    last_value int NOT NULL
);

CREATE TABLE investigations (
    id uuid PRIMARY KEY,
    reference text NOT NULL UNIQUE,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary text NOT NULL DEFAULT '',
    priority text NOT NULL,
    legal_basis text NOT NULL,
    offence_types text[] NOT NULL DEFAULT '{}'
        CONSTRAINT investigations_offence_types_no_nulls CHECK (array_position(offence_types, NULL) IS NULL),
    status text NOT NULL DEFAULT 'opened'
        CHECK (status IN ('opened', 'assigned', 'in_progress', 'under_review', 'closed', 'suspended', 'reopened')),
    -- where a suspended investigation resumes
    suspended_from text,
    outcome text CHECK (outcome IN ('prosecution', 'administrative_penalty', 'no_offence', 'transferred', 'merged')),
    lead_id uuid REFERENCES users (id),
    -- the supervising unit: its supervisors see and steer the investigation
    unit_id uuid NOT NULL REFERENCES units (id),
    opened_on date NOT NULL,
    due_date date,
    closed_at timestamptz,
    version int NOT NULL DEFAULT 1,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'closed') = (outcome IS NOT NULL)),
    CHECK ((status = 'suspended') = (suspended_from IS NOT NULL)),
    CHECK (status NOT IN ('assigned', 'in_progress', 'under_review') OR lead_id IS NOT NULL),
    CHECK (due_date IS NULL OR due_date >= opened_on)
);
CREATE INDEX investigations_unit ON investigations (unit_id, updated_at DESC, id DESC);
CREATE INDEX investigations_lead ON investigations (lead_id, updated_at DESC, id DESC);
CREATE INDEX investigations_recent ON investigations (updated_at DESC, id DESC);
CREATE INDEX investigations_due ON investigations (due_date) WHERE status <> 'closed';
CREATE INDEX investigations_text ON investigations
    USING gin ((reference || ' ' || title) gin_trgm_ops);

-- The team: users, or whole units (every user of the unit is on it).
CREATE TABLE investigation_members (
    id uuid PRIMARY KEY,
    investigation_id uuid NOT NULL REFERENCES investigations (id),
    user_id uuid REFERENCES users (id),
    unit_id uuid REFERENCES units (id),
    added_by uuid NOT NULL REFERENCES users (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((user_id IS NULL) <> (unit_id IS NULL))
);
CREATE UNIQUE INDEX investigation_members_user ON investigation_members (user_id, investigation_id)
    WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX investigation_members_unit ON investigation_members (unit_id, investigation_id)
    WHERE unit_id IS NOT NULL;
CREATE INDEX investigation_members_of ON investigation_members (investigation_id);

-- What the investigation is about, each link with its role and a note.
CREATE TABLE investigation_links (
    id uuid PRIMARY KEY,
    investigation_id uuid NOT NULL REFERENCES investigations (id),
    target_kind text NOT NULL
        CHECK (target_kind IN ('case', 'person', 'company', 'conveyance', 'alert', 'alert_hit', 'investigation')),
    case_id uuid REFERENCES seizure_cases (id),
    person_id uuid REFERENCES persons (id),
    company_id uuid REFERENCES companies (id),
    conveyance_id uuid REFERENCES conveyances (id),
    alert_id uuid REFERENCES alerts (id),
    alert_hit_id uuid REFERENCES alert_hits (id),
    related_id uuid REFERENCES investigations (id),
    role text NOT NULL,
    note text NOT NULL DEFAULT '',
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(case_id, person_id, company_id, conveyance_id, alert_id, alert_hit_id, related_id) = 1),
    CHECK ((target_kind = 'case') = (case_id IS NOT NULL)),
    CHECK ((target_kind = 'person') = (person_id IS NOT NULL)),
    CHECK ((target_kind = 'company') = (company_id IS NOT NULL)),
    CHECK ((target_kind = 'conveyance') = (conveyance_id IS NOT NULL)),
    CHECK ((target_kind = 'alert') = (alert_id IS NOT NULL)),
    CHECK ((target_kind = 'alert_hit') = (alert_hit_id IS NOT NULL)),
    CHECK ((target_kind = 'investigation') = (related_id IS NOT NULL)),
    CHECK (related_id IS DISTINCT FROM investigation_id)
);
CREATE UNIQUE INDEX investigation_links_target ON investigation_links (investigation_id, target_kind,
    coalesce(case_id, person_id, company_id, conveyance_id, alert_id, alert_hit_id, related_id));
CREATE INDEX investigation_links_case ON investigation_links (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX investigation_links_person ON investigation_links (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX investigation_links_company ON investigation_links (company_id) WHERE company_id IS NOT NULL;

CREATE TABLE investigation_tasks (
    id uuid PRIMARY KEY,
    investigation_id uuid NOT NULL REFERENCES investigations (id),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '',
    assignee_id uuid REFERENCES users (id),
    due_date date,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    -- [{"text": "…", "done": false}, …]
    checklist jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(checklist) = 'array'),
    template text,
    version int NOT NULL DEFAULT 1,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz
);
CREATE INDEX investigation_tasks_of ON investigation_tasks (investigation_id, created_at, id);
CREATE INDEX investigation_tasks_assignee ON investigation_tasks (assignee_id, due_date)
    WHERE status IN ('open', 'in_progress');
CREATE INDEX investigation_tasks_due ON investigation_tasks (due_date)
    WHERE status IN ('open', 'in_progress');

-- The journal: append-only; a correction is a new entry naming the one it corrects.
CREATE TABLE investigation_journal (
    id uuid PRIMARY KEY,
    investigation_id uuid NOT NULL REFERENCES investigations (id),
    seq int NOT NULL,
    kind text NOT NULL CHECK (kind IN ('action', 'finding', 'decision', 'note')),
    occurred_at timestamptz NOT NULL,
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    corrects_id uuid REFERENCES investigation_journal (id),
    author_id uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (investigation_id, seq)
);
CREATE FUNCTION ncen_journal_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'investigation journal entries are append-only (write a correction)'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER investigation_journal_append_only BEFORE UPDATE OR DELETE ON investigation_journal
    FOR EACH ROW EXECUTE FUNCTION ncen_journal_append_only();

-- Everything that happened, in order: the timeline (and the report's chronology).
CREATE TABLE investigation_events (
    id bigserial PRIMARY KEY,
    investigation_id uuid NOT NULL REFERENCES investigations (id),
    at timestamptz NOT NULL DEFAULT now(),
    actor_id uuid REFERENCES users (id),
    kind text NOT NULL CHECK (kind IN ('opened', 'updated', 'transition', 'member_added', 'member_removed',
        'link_added', 'link_removed', 'task_added', 'task_updated', 'journal', 'message', 'hit')),
    object_id uuid,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX investigation_events_of ON investigation_events (investigation_id, id);

-- The investigation's message threads (communications, listed with it).
ALTER TABLE message_threads ADD COLUMN investigation_id uuid REFERENCES investigations (id);
CREATE INDEX message_threads_by_investigation ON message_threads (investigation_id)
    WHERE investigation_id IS NOT NULL;
