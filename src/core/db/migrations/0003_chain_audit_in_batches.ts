// One statement may append several entries to a chain (a batch of submissions), so the link
// rule lives in one database function that chains any number of entries after a head:
// hash_k = sha256("<hash_(k-1)>:<seq_k>:<fields hash_k>"), chain version 2 (see core/audit).
export default {
  id: 'core/0003_chain_audit_in_batches',
  sql: `
create function core_audit_chain(prev_hash text, last_seq bigint, fields text[]) returns text[]
  language plpgsql immutable strict parallel safe
  as $$
declare
  hashes text[] := '{}';
  link text := prev_hash;
begin
  for k in 1 .. coalesce(array_length(fields, 1), 0) loop
    link := encode(sha256(convert_to(link || ':' || (last_seq + k)::text || ':' || fields[k], 'UTF8')), 'hex');
    hashes := hashes || link;
  end loop;
  return hashes;
end
$$;
`,
};
