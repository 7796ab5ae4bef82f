/**
 * Every column that holds FieldCipher ciphertext, so rotate-keys can find them all.
 * `key` is the table's primary key column: rotation walks the table in its order.
 * Add a table's sensitive columns here in the same change that starts encrypting them.
 */
export const ENCRYPTED_COLUMNS: { table: string; key: string; columns: string[] }[] = [
  { table: 'staff_accounts', key: 'user_id', columns: ['totp_secret'] },
  { table: 'memberships', key: 'id', columns: ['mobile_enc', 'id_number_enc'] },
  { table: 'register_platform_roster', key: 'id', columns: ['mobile_enc'] },
  { table: 'register_party_list', key: 'id', columns: ['id_number_enc', 'mobile_enc'] },
]
