interface Props {
  title: string;
  labelHeader: string;
  valueHeader: string;
  rows: ReadonlyArray<{ label: string; text: string }>;
}

/** A chart's data as a visually hidden table: its text alternative for screen readers. */
export function ChartTable({ title, labelHeader, valueHeader, rows }: Props) {
  return (
    <table class="visually-hidden">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td>{row.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
