/** A file main wrote where the technician chose (a report, a recovery file, an export). */
export interface SavedFile {
  path: string;
  bytes: number;
}
