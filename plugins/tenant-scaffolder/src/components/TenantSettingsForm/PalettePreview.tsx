import Box, { BoxProps } from '@material-ui/core/Box';
import Typography, { TypographyProps } from '@material-ui/core/Typography';

/** A part of the tenant's page in its primary colour, its text in the secondary. */
const PrimarySurface = ({
  primary,
  secondary,
  text,
  textVariant,
  children,
  ...layout
}: BoxProps & {
  primary: string;
  secondary: string;
  text: string;
  textVariant: TypographyProps['variant'];
}) => (
  <Box {...layout} style={{ background: primary, color: secondary }}>
    {children}
    <Typography
      variant={textVariant}
      component="span"
      style={{ color: secondary }}
    >
      {text}
    </Typography>
  </Box>
);

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
    <PrimarySurface
      primary={primary}
      secondary={secondary}
      text={name}
      textVariant="subtitle2"
      display="flex"
      alignItems="center"
      gridGap={8}
      px={2}
      py={1}
    >
      {logoUrl && (
        <img src={logoUrl} alt="" style={{ height: 24, maxWidth: 80 }} />
      )}
    </PrimarySurface>
    <Box px={2} py={2}>
      <PrimarySurface
        primary={primary}
        secondary={secondary}
        text="Sign in"
        textVariant="caption"
        component="span"
        display="inline-block"
        px={1.5}
        py={0.5}
        borderRadius={4}
      />
    </Box>
  </Box>
);
