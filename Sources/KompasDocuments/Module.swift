// KompasDocuments: see Package.swift for this module's job. Filled in by its issue.
