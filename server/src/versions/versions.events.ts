export interface VersionCreated {
  documentId: string;
  number: number;
  contentHash: string;
  createdAt: Date;
}

export interface VersionEvents {
  'version.created': VersionCreated;
}
