interface DataFolderSectionProps {
  dataDir: string;
}

export function DataFolderSection({ dataDir }: DataFolderSectionProps) {
  return (
    <section className="section" aria-labelledby="gegevensmap-title">
      <h2 id="gegevensmap-title">Gegevensmap</h2>
      <p>
        In deze map op de laptop staan de versleutelde database en de logbestanden van Werkpad.
      </p>
      <p>
        <code id="data-dir" className="code code--block">
          {dataDir}
        </code>
      </p>
    </section>
  );
}
