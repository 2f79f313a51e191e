import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** How the tenant's pages look with the palette and logo being edited. */
export const PalettePreview = ({
  name,
  primary,
  secondary,
  background,
  logoUrl,
}: {
  name: string;
  primary: string;
  secondary: string;
  background: string;
  logoUrl?: string;
}) => (
  <Box
    role="img"
    aria-label={`Preview: ${primary} on ${background}, text ${secondary}`}
    data-testid="palette-preview"
    border={1}
    borderColor="divider"
    borderRadius={4}
    overflow="hidden"
    width={280}
    style={{ background }}
  >
    <Box
      display="flex"
      alignItems="center"
      gridGap={8}
      px={2}
      py={1}
      style={{ background: primary, color: secondary }}
    >
      {logoUrl && (
        <img src={logoUrl} alt="" style={{ height: 24, maxWidth: 80 }} />
      )}
      <Typography
        variant="subtitle2"
        component="span"
        style={{ color: secondary }}
      >
        {name}
      </Typography>
    </Box>
    <Box px={2} py={2}>
      <Box
        component="span"
        display="inline-block"
        px={1.5}
        py={0.5}
        borderRadius={4}
        style={{ background: primary, color: secondary }}
      >
        <Typography variant="caption" style={{ color: secondary }}>
          Sign in
        </Typography>
      </Box>
    </Box>
  </Box>
);
