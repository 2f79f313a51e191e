import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { readBrandColors } from '../theme/brandColors';

/** The portal's mark: a doorway, in the organisation's primary colour. */
export const LogoIcon = () => {
  const { primary } = readBrandColors(useApi(configApiRef));
  return (
    <svg
      width={28}
      height={28}
      viewBox="0 0 32 32"
      role="img"
      aria-hidden="true"
      focusable="false"
      // The sidebar's logo link is narrower than the full logo: never shrink.
      style={{ flexShrink: 0 }}
    >
      <rect width="32" height="32" rx="7" fill={primary} />
      <path
        d="M10 25V11a6 6 0 0 1 12 0v14"
        fill="none"
        stroke="#ffffff"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <circle cx="19" cy="18" r="1.8" fill="#ffffff" />
    </svg>
  );
};
