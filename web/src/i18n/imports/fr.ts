import type { ImportsTranslation } from './en';

/**
 * French strings of the data imports (the `imports` namespace). Typography as in ../fr.ts:
 * a no-break space U+00A0 before « : ; ? ! » and inside « guillemets », the apostrophe ’; one
 * term per concept (upload = déposer, unit = service).
 */
export const importsFr: ImportsTranslation = {
  title: 'Imports de données',
  description:
    'Reprendre des personnes, des sociétés ou des moyens de transport d’un autre système\u00a0: un objet JSON par ligne, chacun avec son external_id. Vérifiez d’abord un fichier par un essai à blanc, puis validez-le.',
  recordTypes: { persons: 'Personnes', companies: 'Sociétés', conveyances: 'Moyens de transport' },
  modes: {
    valid_rows: 'Importer les lignes valides',
    all_or_nothing: 'Tout ou rien',
  },
  modeHelp: {
    valid_rows: 'Les lignes en erreur sont ignorées et signalées, les autres sont écrites.',
    all_or_nothing: 'Une seule ligne en erreur et rien n’est écrit.',
  },
  statuses: { queued: 'En attente', running: 'En cours', succeeded: 'Réussi', failed: 'Échoué', cancelled: 'Annulé' },
  kinds: { dryRun: 'Essai à blanc', commit: 'Import' },
  upload: {
    title: 'Nouvel import',
    file: 'Fichier (NDJSON)',
    fileHelp: 'Un objet JSON par ligne\u00a0: les champs d’un nouvel enregistrement plus external_id.',
    recordType: 'Type d’enregistrement',
    sourceSystem: 'Système source',
    sourceSystemHelp: 'Le système d’où viennent les enregistrements\u00a0: avec chaque external_id, il identifie un enregistrement d’un import à l’autre.',
    mode: 'Mode',
    dryRun: 'Essai à blanc (vérification seule)',
    dryRunHelp: 'Vérifie chaque ligne et en rend compte, sans rien écrire.',
    submit: 'Déposer',
    progress: 'Dépôt en cours\u00a0: {{percent}}\u00a0%',
    errors: {
      fileRequired: 'Choisissez un fichier.',
      sourceRequired: 'Indiquez le système source.',
      sourceLength: '100\u00a0caractères au plus.',
      wrongType: 'Ce n’est pas un fichier NDJSON.',
      empty: 'Le fichier est vide.',
      tooLarge: 'Le fichier dépasse la taille acceptée par le serveur.',
    },
  },
  history: {
    title: 'Derniers imports',
    none: 'Aucun import pour l’instant.',
    unnamed: 'Fichier sans nom',
    columns: {
      file: 'Fichier',
      recordType: 'Enregistrements',
      kind: 'Nature',
      status: 'État',
      counts: 'Créés / mis à jour / inchangés / rejetés',
      by: 'Par',
      at: 'Lancé le',
    },
  },
  job: {
    back: 'Tous les imports',
    title: 'Import de {{name}}',
    settings: '{{recordType}} de {{source}}, {{kind}}, {{mode}}',
    rowsDone: 'Lignes traitées\u00a0: {{done}}',
    waiting: 'En attente d’une instance pour l’exécuter.',
    failure: 'Cause de l’échec',
    cancel: 'Annuler l’import',
    cancelRequested: 'Annulation en cours\u00a0: l’import s’arrête à son prochain lot.',
    commitTitle: 'La vérification a réussi',
    commitHelp: 'Importer réellement le même fichier, dans le mode choisi ci-dessous.',
    commit: 'Importer réellement',
    size: 'Taille',
    by: 'Par',
    createdAt: 'Déposé le',
    startedAt: 'Lancé le',
    finishedAt: 'Terminé le',
  },
  counts: {
    title: 'Décompte',
    created: 'Créés',
    updated: 'Mis à jour',
    unchanged: 'Inchangés',
    rejected: 'Rejetés',
    dryRun: {
      created: 'Seraient créés',
      updated: 'Seraient mis à jour',
      unchanged: 'Resteraient inchangés',
      rejected: 'Seraient rejetés',
    },
  },
  problems: {
    title: 'Problèmes',
    none: 'Aucun problème relevé.',
    code: 'Code',
    allCodes: 'Tous les codes',
    more: 'Afficher la suite',
    csv: 'Télécharger en CSV',
    columns: { line: 'Ligne', externalId: 'Identifiant externe', field: 'Champ', code: 'Code', message: 'Message' },
  },
};
