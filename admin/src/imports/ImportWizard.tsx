import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Divider,
  FormControlLabel,
  FormGroup,
  Link as MuiLink,
  Step,
  StepLabel,
  Stepper,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { Title, useRequireAccess } from 'react-admin';
import { Link } from 'react-router-dom';
import { IMPORT_CREATABLE, type ImportCreatable, type ImportReport } from '../types';
import { ColumnMapping } from './ColumnMapping';
import { firstSentence, readColumns, type UnknownColumn } from './columnMapping';
import { ImportCountChips } from './ImportChips';
import { ImportProgress } from './ImportProgress';
import { ImportReferences } from './ImportReferences';
import { ImportRefusalAlert } from './ImportRefusalAlert';
import { ACCEPTED_FILES, isWorkbook, type ImportRequest } from './importRequest';
import { counted, rowsIn } from './importRun';
import { ReportRows } from './ImportRowsTable';
import { useImportRun } from './useImportRun';

type ImportOptions = Omit<ImportRequest, 'dryRun'>;
const NO_OPTIONS: ImportOptions = { createMissing: [], skipInvalid: false, sheet: '', map: {} };

/** The columns to map, what they may be mapped to, and the choices not yet sent. */
interface Mapping {
  columns: string[];
  targets: string[];
  draft: Record<string, string>;
}

const STEPS = ['Choose a file', 'Check it', 'Import'];

/** Rows a report does not carry (it carries the first 1,000). */
const rowsNotShown = (report: ImportReport) => Math.max(0, rowsIn(report.counts) - report.rows.length);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" aria-label={title} sx={{ mt: 3 }}>
    <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

/** The file input, behind a visible button; the same file chosen again is checked again. */
const FileChooser = ({ file, onChoose }: { file: File | null; onChoose: (file: File) => void }) => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
    <Button variant={file ? 'outlined' : 'contained'} component="label" startIcon={<UploadFileIcon />}>
      {file ? 'Choose another file' : 'Choose a file'}
      <input
        type="file"
        hidden
        accept={ACCEPTED_FILES}
        aria-label="File to import"
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen) onChoose(chosen);
        }}
      />
    </Button>
    {file ? (
      <Typography data-testid="chosen-file">
        {file.name}{' '}
        <Box component="span" sx={{ color: 'text.secondary' }}>
          ({(file.size / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} KB)
        </Box>
      </Typography>
    ) : (
      <Typography variant="body2" color="text.secondary">
        CSV, Excel (.xlsx), NDJSON or JSON
      </Typography>
    )}
  </Box>
);

/** What a dry run found: the counts, the rows (failures first) and the records the file named. */
const DryRunReport = ({ report }: { report: ImportReport }) => (
  <Box data-testid="dry-run-report">
    <ImportCountChips counts={report.counts} planned />
    {report.counts.failed > 0 && (
      <Alert severity="warning" sx={{ mt: 2 }}>
        {counted(report.counts.failed, 'row has', 'rows have')} errors: see below, in red.
      </Alert>
    )}
    <Box sx={{ mt: 2 }}>
      <ReportRows key={report.id} rows={report.rows} omitted={rowsNotShown(report)} planned />
    </Box>
    <ImportReferences references={report.references} planned />
  </Box>
);

/** What the import did, with its statements linked, and its page (where it can be undone). */
const FinalReport = ({ report, onAnother }: { report: ImportReport; onAnother: () => void }) => {
  const { created, updated, unchanged, failed } = report.counts;
  return (
    <Box data-testid="import-report">
      <Alert severity="success" sx={{ mb: 2 }}>
        Imported {report.fileName || 'the file'}: {created} created, {updated} updated, {unchanged} unchanged
        {failed > 0 ? `, ${counted(failed, 'row')} with errors left out` : ''}.
      </Alert>
      <ImportCountChips counts={report.counts} />
      <Box sx={{ mt: 2 }}>
        <ReportRows key={report.id} rows={report.rows} omitted={rowsNotShown(report)} />
      </Box>
      <ImportReferences references={report.references} />
      <Box sx={{ display: 'flex', gap: 2, mt: 3, alignItems: 'center' }}>
        <Button variant="contained" component={Link} to={`/imports/${report.id}/show`}>
          Open the import’s page
        </Button>
        <Button onClick={onAnother}>Import another file</Button>
      </Box>
    </Box>
  );
};

/**
 * Importing statements from a file: choose it, and it is checked at once by a dry run (which
 * writes nothing) whose report says what the import would do row by row; columns the server
 * does not know are mapped to the export's; options change what the check allows. Then the
 * import itself, followed to its end (an import of many rows reports its progress), and its
 * report with links to what it wrote.
 */
export const ImportWizard = () => {
  const { isPending: isCheckingAccess } = useRequireAccess({ action: 'create', resource: 'imports' });
  const [file, setFile] = useState<File | null>(null);
  const [fileColumns, setFileColumns] = useState<string[] | undefined>();
  const [options, setOptions] = useState<ImportOptions>(NO_OPTIONS);
  const [sheet, setSheet] = useState('');
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const check = useImportRun();
  const commit = useImportRun();

  /** Every column the server would refuse: the one it named, and those of the header read here that it does not know either. */
  const learn = (unknown: UnknownColumn, columns: string[] | undefined) =>
    setMapping((previous) => {
      const fromHeader = (columns ?? []).filter((column) => !unknown.known.includes(column) && !unknown.ignored.includes(column));
      const all = [...new Set([...(previous?.columns ?? []), ...fromHeader, unknown.column])];
      return { columns: all, targets: unknown.known, draft: previous?.draft ?? {} };
    });

  const runCheck = async (target: File, columns: string[] | undefined, next: ImportOptions) => {
    const end = await check.start(target, { ...next, dryRun: true });
    if (end?.phase === 'refused' && end.refusal.unknownColumn) learn(end.refusal.unknownColumn, columns);
  };

  const choose = async (chosen: File) => {
    commit.reset();
    const columns = await readColumns(chosen);
    const next = { ...options, sheet: '', map: {} };
    setFile(chosen);
    setFileColumns(columns);
    setOptions(next);
    setSheet('');
    setMapping(null);
    await runCheck(chosen, columns, next);
  };

  const change = (next: ImportOptions, recheck: boolean) => {
    setOptions(next);
    if (recheck && file) void runCheck(file, fileColumns, next);
  };

  const toggleCreate = (collection: ImportCreatable, on: boolean) =>
    change(
      {
        ...options,
        createMissing: IMPORT_CREATABLE.filter((c) => (c === collection ? on : options.createMissing.includes(c))),
      },
      true,
    );

  const applySheet = () => {
    if (sheet.trim() !== options.sheet) change({ ...options, sheet: sheet.trim() }, true);
  };

  const startOver = () => {
    check.reset();
    commit.reset();
    setFile(null);
    setFileColumns(undefined);
    setOptions(NO_OPTIONS);
    setSheet('');
    setMapping(null);
  };

  if (isCheckingAccess) return null;

  const dryRun = check.state.phase === 'done' ? check.state.report : null;
  const writable = dryRun ? dryRun.counts.created + dryRun.counts.updated : 0;
  const blockedByErrors = Boolean(dryRun && dryRun.counts.failed > 0 && !options.skipInvalid);
  const checking = check.state.phase === 'running';
  const step = !file ? 0 : commit.state.phase === 'idle' ? 1 : commit.state.phase === 'done' ? 3 : 2;
  const refusal = check.state.phase === 'refused' ? check.state.refusal : null;

  return (
    <Card sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title="Import statements" />
      <CardContent>
        <Typography variant="h5" component="h1">
          Import statements from a file
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, maxWidth: 760 }}>
          The file has the columns of the CSV export (key, date, speaker, headline, topics…). A row with a key updates the statement with
          that key or creates it; a row with an id updates that statement; any other row creates one. The file is checked first and nothing
          is written until you import it; an import can be undone.
        </Typography>
        <Stepper activeStep={step} sx={{ my: 3, maxWidth: 640 }}>
          {STEPS.map((label) => (
            <Step key={label}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>

        {commit.state.phase === 'idle' && (
          <>
            <FileChooser file={file} onChoose={(chosen) => void choose(chosen)} />
            {file && (
              <Section title="Options">
                <FormGroup row>
                  {IMPORT_CREATABLE.map((collection) => (
                    <FormControlLabel
                      key={collection}
                      label={`Create missing ${collection}`}
                      control={
                        <Checkbox
                          checked={options.createMissing.includes(collection)}
                          onChange={(event) => toggleCreate(collection, event.target.checked)}
                        />
                      }
                    />
                  ))}
                  <FormControlLabel
                    label="Skip invalid rows"
                    control={
                      <Checkbox
                        checked={options.skipInvalid}
                        onChange={(event) => change({ ...options, skipInvalid: event.target.checked }, false)}
                      />
                    }
                  />
                </FormGroup>
                {isWorkbook(file.name) && (
                  <TextField
                    label="Sheet"
                    value={sheet}
                    onChange={(event) => setSheet(event.target.value)}
                    onBlur={applySheet}
                    onKeyDown={(event) => event.key === 'Enter' && applySheet()}
                    helperText="The workbook’s sheet to read, by name; empty for the first"
                    size="small"
                    sx={{ mt: 1, width: '24em' }}
                  />
                )}
              </Section>
            )}
            {file && (
              <Section title="Check">
                {checking && (
                  <ImportProgress
                    progress={check.state.phase === 'running' ? check.state.progress : null}
                    doing="Checking the file (nothing is written)…"
                  />
                )}
                {refusal?.unknownColumn ? (
                  <Alert severity="warning" sx={{ my: 2 }}>
                    {firstSentence(refusal.message)}
                  </Alert>
                ) : (
                  refusal && <ImportRefusalAlert refusal={refusal} />
                )}
                {mapping && (
                  <ColumnMapping
                    columns={mapping.columns}
                    targets={mapping.targets}
                    value={mapping.draft}
                    onChange={(draft) => setMapping({ ...mapping, draft })}
                    onApply={() => change({ ...options, map: mapping.draft }, true)}
                    disabled={checking}
                  />
                )}
                {dryRun && !checking && <DryRunReport report={dryRun} />}
              </Section>
            )}
            {file && (
              <>
                <Divider sx={{ mt: 3 }} />
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2, flexWrap: 'wrap' }}>
                  <Button
                    variant="contained"
                    size="large"
                    disabled={!dryRun || checking || writable === 0 || blockedByErrors}
                    onClick={() => void commit.start(file, { ...options, dryRun: false })}
                  >
                    {dryRun ? `Import ${counted(writable, 'statement')}` : 'Import'}
                  </Button>
                  <Button disabled={checking} onClick={() => void runCheck(file, fileColumns, options)}>
                    Check again
                  </Button>
                  <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 20em' }}>
                    {blockedByErrors
                      ? 'Rows with errors stop the import: correct them in the file and choose it again, or tick “Skip invalid rows” to import the others.'
                      : dryRun && dryRun.counts.failed > 0
                        ? `The ${counted(dryRun.counts.failed, 'row')} with errors will be left out.`
                        : dryRun && writable === 0
                          ? 'Nothing to import: every row equals its statement.'
                          : null}
                  </Typography>
                </Box>
              </>
            )}
          </>
        )}

        {file && commit.state.phase === 'running' && <ImportProgress progress={commit.state.progress} doing={`Importing ${file.name}…`} />}
        {commit.state.phase === 'refused' && (
          <ImportRefusalAlert
            refusal={commit.state.refusal}
            action={
              <Button
                color="inherit"
                onClick={() => {
                  commit.reset();
                  if (file) void runCheck(file, fileColumns, options);
                }}
              >
                Back to the check
              </Button>
            }
          />
        )}
        {commit.state.phase === 'done' && <FinalReport report={commit.state.report} onAnother={startOver} />}
        {step === 0 && (
          <Typography variant="body2" sx={{ mt: 3 }}>
            <MuiLink component={Link} to="/imports">
              Past imports
            </MuiLink>
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

export default ImportWizard;
