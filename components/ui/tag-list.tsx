/** Coloured labels for opgaven and themes; colours are chosen for white text (≥ 4.5:1). */
export function TagList({ items }: { items: { id: string; name: string; color: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {items.map((item) => (
        <li key={item.id}>
          <span className="inline-block rounded-full px-3 py-1 text-sm font-semibold text-white" style={{ backgroundColor: item.color }}>
            {item.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
