import { InputError } from '@backstage/errors';

// ECS's own rule for a container definition's image, as RegisterTaskDefinition
// documents it. Checked before anything is registered, as an emulator such as
// moto registers any string.
const ECS_IMAGE = /^[A-Za-z0-9\-_:./#@]{1,255}$/;

/** `<repository>:<tag>`, refused unless ECS would accept it as an image. */
export function imageReference(repository: string, tag: string): string {
  const image = `${repository}:${tag}`;
  if (!ECS_IMAGE.test(image)) {
    throw new InputError(
      `'${image}' is not an image ECS accepts: at most 255 letters, digits, hyphens, underscores, colons, periods, slashes, @ and number signs`,
    );
  }
  return image;
}
